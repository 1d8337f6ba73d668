package org.strata.server.ingest.read;

import org.strata.server.ingest.ImportError;
import org.strata.engine.i18n.LocalizedArgumentException;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.mapping.MappingSpec;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How to read one file or batch. Start from {@link #defaults()} and change what the user gave.
 *
 * @param source          namespace of the ids in the file ("import", "shop", "crm" ...); at most 64 characters
 * @param encoding        the file's encoding, or null to detect it (BOM, else strict UTF-8, else GB18030)
 * @param mapping         explicit column mapping; it wins over the guesses from the headers
 * @param zone            zone of local dates and times in the file
 * @param sheet           Excel sheet name or 1-based number; null for the first sheet
 * @param delimiter       CSV delimiter, or null to detect {@code , ; \t} from the header line
 * @param defaultCurrency currency of amounts when the file has no currency column (ISO 4217, e.g. CNY)
 */
public record ImportOptions(String source, Charset encoding, MappingSpec mapping, ZoneId zone, String sheet,
                            Character delimiter, String defaultCurrency) {

    public static final String DEFAULT_SOURCE = "import";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public ImportOptions {
        source = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
        if (source.length() > 64) {
            throw new LocalizedArgumentException(ImportError.SOURCE_TOO_LONG.with(source));
        }
        mapping = mapping == null ? MappingSpec.NONE : mapping;
        zone = zone == null ? DEFAULT_ZONE : zone;
        defaultCurrency = defaultCurrency == null ? "CNY" : defaultCurrency.strip().toUpperCase(Locale.ROOT);
        if (!defaultCurrency.matches("[A-Z]{3}")) {
            throw new LocalizedArgumentException(ImportError.DEFAULT_CURRENCY.with(defaultCurrency));
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null, null, null);
    }

    public ImportOptions withSource(String source) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    public ImportOptions withEncoding(Charset encoding) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    /**
     * @param name a charset name such as {@code UTF-8}, {@code GBK}, {@code GB18030}; null or blank to detect
     * @throws ImportFileException when Java knows no such encoding
     */
    public ImportOptions withEncoding(String name) {
        if (name == null || name.isBlank()) {
            return withEncoding((Charset) null);
        }
        try {
            return withEncoding(Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportFileException(ImportMessages.unknownEncoding(name));
        }
    }

    public ImportOptions withMapping(MappingSpec mapping) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    /** @param mapping {@code field=header,field=header} as typed after {@code --mapping} */
    public ImportOptions withMapping(String mapping) {
        return withMapping(MappingSpec.parse(mapping));
    }

    public ImportOptions withZone(ZoneId zone) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    public ImportOptions withSheet(String sheet) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    public ImportOptions withDelimiter(Character delimiter) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, defaultCurrency);
    }

    /**
     * @param delimiter as typed on a command line: {@code ,} {@code ;} {@code |} a tab, or the words {@code tab},
     *                  {@code \t}; null or blank to detect
     * @throws ImportFileException for anything else
     */
    public ImportOptions withDelimiter(String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return withDelimiter((Character) null);
        }
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1 || Character.isLetterOrDigit(d.charAt(0)) || d.charAt(0) == '"' || d.charAt(0) == '\n'
                || d.charAt(0) == '\r') {
            throw new ImportFileException(ImportMessages.unusableDelimiter(delimiter));
        }
        return withDelimiter(d.charAt(0));
    }

    public ImportOptions withDefaultCurrency(String currency) {
        return new ImportOptions(source, encoding, mapping, zone, sheet, delimiter, currency);
    }
}
