package org.strata.server.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, amounts and times as the reader's language writes them, used by templates as {@code @consoleFormats}.
 * Amounts are CNY and always carry the ¥ sign (the JDK would write "CN¥" in English).
 */
@Component("consoleFormats")
public class ConsoleFormats {

    private final ZoneId zone;

    ConsoleFormats(@Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    public String money(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale());
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        symbols.setCurrencySymbol("¥");
        format.setDecimalFormatSymbols(symbols);
        return format.format(value);
    }

    public String percent(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(value) + "%";
    }

    public String dateTime(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .format(time.atZoneSameInstant(zone));
    }

    public String dateTime(Instant time) {
        return time == null ? "" : dateTime(time.atZone(zone).toOffsetDateTime());
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(time.atZoneSameInstant(zone));
    }

    private static Locale locale() {
        return ConsoleLanguages.of(LocaleContextHolder.getLocale());
    }
}
