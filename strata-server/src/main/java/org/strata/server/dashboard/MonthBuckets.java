package org.strata.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SqlDialect;

/**
 * The month number of an order's time by a binary search among the instants the business zone's months start at,
 * where PostgreSQL supports it ({@code width_bucket} over an array of them), instead of converting every order's time
 * to the zone and taking its year and month apart: at 3.1 million orders the conversion cost more than reading the
 * orders, the group by and the window together.
 *
 * <p>The search is exact wherever the month of a time never decreases as time goes on: then the months between two
 * consecutive starts are one month. A backward clock change across the first of a month breaks that (Cairo left
 * summer time at 2024-11-01 00:00 for 2024-10-31 23:00), so a zone with one between {@value #FIRST_YEAR} and {@value
 * #END_YEAR} (in Java's rules) keeps the exact conversion, and so does a database whose month starts disagree with its
 * own conversion at any start (checked once against it: its zone database may differ from Java's). Times outside
 * those years take the exact conversion too.
 */
final class MonthBuckets {

    static final int FIRST_YEAR = 1970;
    static final int END_YEAR = 2100;
    static final int FIRST_MONTH = FIRST_YEAR * 12;
    static final int END_MONTH = END_YEAR * 12;

    private MonthBuckets() {
    }

    /**
     * The month number of {@code timestamp} in {@code zone}: by the month starts when {@link #searchable} holds,
     * otherwise {@code dialect}'s conversion.
     */
    static String monthNumber(String timestamp, ZoneId zone, SqlDialect dialect, boolean searchable) {
        String exact = dialect.monthNumber(timestamp, zone);
        if (!searchable) {
            return exact;
        }
        // the starts and both ends are uncorrelated subqueries, computed once per statement (init plans)
        String starts = "(SELECT array_agg(" + start("m", zone) + " ORDER BY m) FROM generate_series(" + FIRST_MONTH
                + ", " + END_MONTH + ") m)";
        return "CASE WHEN " + timestamp + " >= (SELECT " + start(Integer.toString(FIRST_MONTH), zone) + ") AND "
                + timestamp + " < (SELECT " + start(Integer.toString(END_MONTH), zone) + ") THEN "
                + (FIRST_MONTH - 1) + " + width_bucket(" + timestamp + ", " + starts + ") ELSE " + exact + " END";
    }

    /**
     * Whether {@link #monthNumber} may search the month starts of {@code zone}: on PostgreSQL, when the months never
     * go back in time and the database's own conversion puts each start, and the microsecond before it, in the months
     * the search does.
     */
    static boolean searchable(JdbcTemplate jdbc, SqlDialect dialect, ZoneId zone, boolean postgres) {
        if (!postgres || !monthsOnlyGoForward(zone)) {
            return false;
        }
        String exactAtStart = dialect.monthNumber("s.at", zone);
        String exactBefore = dialect.monthNumber("(s.at - INTERVAL '1 microsecond')", zone);
        Long disagreeing = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT m, " + start("m", zone)
                + " AS at FROM generate_series(" + FIRST_MONTH + ", " + END_MONTH + ") m) s WHERE " + exactAtStart
                + " <> s.m OR " + exactBefore + " <> s.m - 1", Long.class);
        return disagreeing != null && disagreeing == 0;
    }

    /** Whether, in Java's rules for {@code zone}, no clock change between the years goes back across a month's start. */
    static boolean monthsOnlyGoForward(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant end = LocalDate.of(END_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(86_400);
        Instant at = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(86_400);
        for (ZoneOffsetTransition change = rules.nextTransition(at); change != null
                && change.getInstant().isBefore(end); change = rules.nextTransition(change.getInstant())) {
            if (change.isOverlap()
                    && !YearMonth.from(change.getDateTimeBefore()).equals(YearMonth.from(change.getDateTimeAfter()))) {
                return false;
            }
        }
        return true;
    }

    /** The instant month number {@code month} starts at in {@code zone}, in PostgreSQL's zone database. */
    static String start(String month, ZoneId zone) {
        // the zone is a parsed ZoneId, safe to write into the statement
        return "make_timestamptz(" + month + " / 12, " + month + " % 12 + 1, 1, 0, 0, 0, '" + zone.getId() + "')";
    }
}
