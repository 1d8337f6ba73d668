package org.strata.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a dashboard covers, both ends included, in the business time zone. The previous period is the same
 * number of days just before, which retention compares against.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public Period {
        if (to.isBefore(from)) {
            throw new InvalidDashboardQueryException("from (" + from + ") must not be after to (" + to + ")");
        }
    }

    /** The last twelve months up to {@code today}, the default of the dashboard. */
    static Period lastTwelveMonths(LocalDate today, ZoneId zone) {
        return new Period(today.minusMonths(12).plusDays(1), today, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (the day after {@code to} starts). */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Instant previousStart() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return from.minusDays(days).atStartOfDay(zone).toInstant();
    }
}
