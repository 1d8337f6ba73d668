package org.strata.server.ingest.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeValuesTest {

    private final DateTimeValues shanghai = new DateTimeValues(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01            | 2026-03-01T00:00+08:00",
            "2026/3/1              | 2026-03-01T00:00+08:00",
            "2026.3.1              | 2026-03-01T00:00+08:00",
            "2026-3-1              | 2026-03-01T00:00+08:00",
            "20260301              | 2026-03-01T00:00+08:00",
            "20260301140500        | 2026-03-01T14:05+08:00",
            "2026-03-01 14:05:00   | 2026-03-01T14:05+08:00",
            "2026-06-30 12:34:56   | 2026-06-30T12:34:56+08:00",
            "2026/3/1 14:05        | 2026-03-01T14:05+08:00",
            "2026/3/1 9:05         | 2026-03-01T09:05+08:00",
            "2026-03-01T14:05:00   | 2026-03-01T14:05+08:00",
            "2026-03-01 14:05:00.250 | 2026-03-01T14:05:00.250+08:00",
            "2026-03-01T06:05:00Z  | 2026-03-01T14:05+08:00",
            "2026-03-01T14:05:00+08:00 | 2026-03-01T14:05+08:00",
            "2026-03-01T01:05:00-05:00 | 2026-03-01T14:05+08:00",
            "2026-03-01T14:05:00+0800 | 2026-03-01T14:05+08:00",
            "2026年3月1日           | 2026-03-01T00:00+08:00",
            "2026年03月01日 14:05   | 2026-03-01T14:05+08:00",
            "2026年3月1日 14时5分30秒 | 2026-03-01T14:05:30+08:00",
            "２０２６－０３－０１     | 2026-03-01T00:00+08:00",
            "46082                 | 2026-03-01T00:00+08:00",
            "46082.5               | 2026-03-01T12:00+08:00",
            "45658                 | 2025-01-01T00:00+08:00",
    })
    void readsTheNotationsOfChineseExports(String raw, String expected) {
        assertThat(shanghai.parse(raw)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2026-13-01", "2026-02-30", "2026-02-29 10:00", "2025/2/29", "2026-03-01 24:00",
            "2026-03-01 12:60", "1/3/2026", "03/01/2026", "2026", "12", "20261301", "2026-03", "2026-03-01 14",
            "2026-03-01X", "2026年3月", "46082.5.1", "99999999", "2026-03-01T14:05:00+25:00", "２０２６"})
    void refusesWhatIsNotADate(String raw) {
        assertThat(shanghai.parse(raw)).isNull();
    }

    @Test
    void leapDaysAreDates() {
        assertThat(shanghai.parse("2024-02-29")).isEqualTo(OffsetDateTime.parse("2024-02-29T00:00+08:00"));
    }

    @Test
    void localTimesAreInTheConfiguredZone() {
        DateTimeValues utc = new DateTimeValues(ZoneId.of("UTC"));
        assertThat(utc.parse("2026-03-01 14:05:00")).isEqualTo(OffsetDateTime.parse("2026-03-01T14:05Z"));
        DateTimeValues berlin = new DateTimeValues(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.parse("2026-07-01")).isEqualTo(OffsetDateTime.parse("2026-07-01T00:00+02:00"));
        assertThat(berlin.parse("2026-01-01")).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00+01:00"));
    }

    @Test
    void historicalDaylightSavingOfTheZoneIsRespected() {
        // China kept summer time from 1986 to 1991; the fixed-offset shortcut must not apply before that.
        assertThat(shanghai.parse("1988-06-01 12:00:00")).isEqualTo(OffsetDateTime.parse("1988-06-01T12:00+09:00"));
        assertThat(shanghai.parse("1992-06-01 12:00:00")).isEqualTo(OffsetDateTime.parse("1992-06-01T12:00+08:00"));
    }

    @Test
    void excelCellDatesAreLocalTimesInTheZone() {
        assertThat(shanghai.atZone(LocalDateTime.of(2026, 3, 1, 14, 5)))
                .isEqualTo(OffsetDateTime.parse("2026-03-01T14:05+08:00"));
    }

    @Test
    void datesFarInTheFutureAreNotRefusedHereButLeftToTheQualityReport() {
        assertThat(shanghai.parse("2099-01-01")).isEqualTo(OffsetDateTime.parse("2099-01-01T00:00+08:00"));
    }
}
