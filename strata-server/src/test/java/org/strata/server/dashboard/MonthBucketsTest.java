package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.sql.H2Dialect;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;
import org.strata.server.testsupport.Databases;

/** The month search against PostgreSQL's own conversion of times to months, on a real server. */
class MonthBucketsTest {

    private static final SqlDialect POSTGRES = new PostgresDialect();
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Shanghai", "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
            "Asia/Kathmandu"})
    void searchedMonthsEqualTheConvertedMonthsAtEveryMonthStartAndAtRandomTimes(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        assertThat(MonthBuckets.searchable(jdbc, POSTGRES, zone, true)).as("searchable in " + zone).isTrue();
        jdbc.execute("DROP TABLE IF EXISTS month_probe");
        jdbc.execute("CREATE TABLE month_probe (at TIMESTAMP WITH TIME ZONE NOT NULL)");
        jdbc.batchUpdate("INSERT INTO month_probe (at) VALUES (CAST(? AS TIMESTAMP WITH TIME ZONE))",
                probes(zone).stream().map(at -> new Object[] {at.toString()}).toList());

        List<String> disagreeing = jdbc.queryForList("SELECT CAST(o.at AS TEXT) || ': ' || "
                + MonthBuckets.monthNumber("o.at", zone, POSTGRES, true) + " || ' <> ' || "
                + POSTGRES.monthNumber("o.at", zone) + " FROM month_probe o WHERE "
                + MonthBuckets.monthNumber("o.at", zone, POSTGRES, true) + " <> "
                + POSTGRES.monthNumber("o.at", zone), String.class);

        assertThat(disagreeing).as("times whose searched month is not their month in " + zone).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM month_probe", Long.class)).isGreaterThan(8_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Shanghai", "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
            "Asia/Kathmandu"})
    void javaFindsTheMonthOfAStoredTimeAsTheSqlSearchDoesAtEveryMonthStartAndClockChange(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        MonthStarts starts = MonthStarts.of(jdbc, POSTGRES, zone).orElseThrow();
        jdbc.execute("DROP TABLE IF EXISTS month_probe");
        jdbc.execute("CREATE TABLE month_probe (at TIMESTAMP WITH TIME ZONE NOT NULL)");
        List<Instant> probes = probes(zone);
        jdbc.batchUpdate("INSERT INTO month_probe (at) VALUES (CAST(? AS TIMESTAMP WITH TIME ZONE))",
                probes.stream().map(at -> new Object[] {at.toString()}).toList());

        List<String> disagreeing = new ArrayList<>();
        long[] searched = {0};
        jdbc.query("SELECT at, " + MonthBuckets.monthNumber("o.at", zone, POSTGRES, true) + " FROM month_probe o",
                (RowCallbackHandler) rs -> {
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    int sql = rs.getInt(2);
                    int java = starts.monthOf(PostgresDialect.storedMicros(at));
                    boolean searchedYears = sql >= MonthBuckets.FIRST_MONTH && sql < MonthBuckets.END_MONTH;
                    if (searchedYears ? java != sql : java != MonthStarts.OUTSIDE) {
                        disagreeing.add(at + ": " + java + " <> " + sql);
                    }
                    searched[0] += searchedYears ? 1 : 0;
                });

        assertThat(disagreeing).as("times whose month Java finds otherwise than the SQL in " + zone).isEmpty();
        assertThat(searched[0]).isGreaterThan(5_000);
    }

    @Test
    void zonesTheSqlDoesNotSearchHaveNoMonthStartsForJavaEither() {
        assertThat(MonthStarts.of(jdbc, POSTGRES, ZoneId.of("Africa/Cairo"))).isEmpty();
        assertThat(MonthStarts.of(jdbc, new H2Dialect(), ZoneId.of("Asia/Shanghai"))).isEmpty();
    }

    @Test
    void aZoneWhoseClockWentBackAcrossTheFirstOfAMonthKeepsTheExactConversion() {
        // Cairo left summer time at 2024-11-01 00:00, back to 2024-10-31 23:00: an hour of November times in October
        ZoneId cairo = ZoneId.of("Africa/Cairo");

        assertThat(MonthBuckets.monthsOnlyGoForward(cairo)).isFalse();
        assertThat(MonthBuckets.searchable(jdbc, POSTGRES, cairo, true)).isFalse();
        assertThat(MonthBuckets.monthNumber("o.at", cairo, POSTGRES, false)).isEqualTo(
                POSTGRES.monthNumber("o.at", cairo));
    }

    @Test
    void otherDatabasesKeepTheirConversion() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        assertThat(MonthBuckets.monthsOnlyGoForward(shanghai)).isTrue();
        assertThat(MonthBuckets.searchable(jdbc, new H2Dialect(), shanghai, false)).isFalse();
    }

    /**
     * Every month start between 1969 and 2101 and the microsecond before it, times around each clock change, and
     * random times from 1900 to 2200 (outside the searched years too).
     */
    private static List<Instant> probes(ZoneId zone) {
        List<Instant> probes = new ArrayList<>();
        for (ZonedDateTime month = ZonedDateTime.of(1969, 1, 1, 0, 0, 0, 0, zone);
             month.getYear() <= 2101; month = month.plusMonths(1)) {
            Instant start = month.toLocalDate().atStartOfDay(zone).toInstant();
            probes.add(start);
            probes.add(start.minus(1, ChronoUnit.MICROS));
        }
        zone.getRules().getTransitions().forEach(change -> {
            probes.add(change.getInstant());
            probes.add(change.getInstant().minus(1, ChronoUnit.MICROS));
        });
        Random random = new Random(7);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 5_000; i++) {
            probes.add(Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000) * 1_000L));
        }
        return probes;
    }
}
