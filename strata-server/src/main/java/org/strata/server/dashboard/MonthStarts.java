package org.strata.server.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;

/**
 * The instants the business zone's months start at, as PostgreSQL computes them, so that Java finds an order's month
 * exactly as {@link MonthBuckets#monthNumber} does in SQL: the same starts, the same search (the month is the last one
 * whose start is at or before the time). Times are the microseconds since 2000-01-01T00:00Z that PostgreSQL stores
 * ({@link PostgresDialect#storedMicros}).
 *
 * <p>Only where the SQL searches the starts ({@link MonthBuckets#searchable}); outside the searched years the SQL
 * converts exactly, which Java does not copy: {@link #monthOf} answers {@link #OUTSIDE} there.
 */
final class MonthStarts {

    /** What {@link #monthOf} answers for a time before {@link MonthBuckets#FIRST_YEAR} or from {@link MonthBuckets#END_YEAR}. */
    static final int OUTSIDE = Integer.MIN_VALUE;

    /** starts[i] is the start of month number {@code MonthBuckets.FIRST_MONTH + i}, the last one that of END_MONTH. */
    private final long[] starts;

    private MonthStarts(long[] starts) {
        this.starts = starts;
    }

    /** The starts of {@code zone}'s months read from PostgreSQL, or empty where the SQL does not search them. */
    static Optional<MonthStarts> of(JdbcTemplate jdbc, SqlDialect dialect, ZoneId zone) {
        if (!MonthBuckets.searchable(jdbc, dialect, zone, dialect instanceof PostgresDialect)) {
            return Optional.empty();
        }
        // the driver reads a TIMESTAMP WITH TIME ZONE to the microsecond, which storedMicros turns back exactly
        long[] starts = jdbc.query("SELECT " + MonthBuckets.start("m", zone) + " FROM generate_series("
                        + MonthBuckets.FIRST_MONTH + ", " + MonthBuckets.END_MONTH + ") m ORDER BY m",
                (row, i) -> PostgresDialect.storedMicros(row.getObject(1, OffsetDateTime.class))).stream()
                .mapToLong(Long::longValue).toArray();
        return Optional.of(new MonthStarts(starts));
    }

    /** The month number (year * 12 + month - 1) of a stored time, or {@link #OUTSIDE}. */
    int monthOf(long storedMicros) {
        if (storedMicros < starts[0] || storedMicros >= starts[starts.length - 1]) {
            return OUTSIDE;
        }
        int found = Arrays.binarySearch(starts, storedMicros);
        // not found: -(insertion point) - 1, and the month is the one before the insertion point
        int index = found >= 0 ? found : -found - 2;
        return MonthBuckets.FIRST_MONTH + index;
    }
}
