package org.strata.server.ingest.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value parsers read the common notations on a fast path and everything else on a general one. On random
 * values, both paths must give the same result, and that result must match a plain reference (java.time,
 * BigDecimal, digit arithmetic).
 */
class FastPathAgreementTest {

    private static final int CASES = 5_000;
    private final SplittableRandom random = new SplittableRandom(20260301);

    @Test
    void datesReadTheSameOnBothPathsAsJavaTimeReadsThem() {
        DateTimeValues dates = new DateTimeValues(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter machine = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        DateTimeFormatter human = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");
        for (int i = 0; i < CASES; i++) {
            LocalDateTime local = LocalDateTime.of(1990, 1, 1, 0, 0)
                    .plusSeconds(random.nextLong(60L * 365 * 24 * 3600));
            var expected = local.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
            assertThat(dates.parse(local.format(machine))).as(local.format(machine)).isEqualTo(expected);
            assertThat(dates.parse(local.format(human))).as(local.format(human)).isEqualTo(expected);
        }
    }

    @Test
    void plainDecimalsReadTheSameOnBothPathsAsBigDecimalReadsThem() {
        for (int i = 0; i < CASES; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000_000L),
                    random.nextInt(0, 5));
            String plain = value.toPlainString();
            assertThat(AmountValues.parse(plain)).as(plain).isEqualTo(value);
            String yuan = "¥" + plain;
            assertThat(AmountValues.parse(yuan)).as(yuan).isEqualTo(value);
            String grouped = String.format("%,." + value.scale() + "f", value) + "元";
            assertThat(AmountValues.parse(grouped)).as(grouped).isEqualTo(value);
        }
    }

    @Test
    void mainlandMobilesReadTheSameOnBothPaths() {
        for (int i = 0; i < CASES; i++) {
            String mobile = "1" + random.nextInt(3, 10) + String.format("%09d", random.nextInt(1_000_000_000));
            String expected = "+86" + mobile;
            assertThat(PhoneValues.normalize(mobile)).isEqualTo(expected);
            String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
            assertThat(PhoneValues.normalize(spaced)).as(spaced).isEqualTo(expected);
            assertThat(PhoneValues.normalize("0086" + mobile)).isEqualTo(expected);
        }
    }
}
