package org.strata.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The whole calendar months a dashboard covers, in the business time zone: {@code from} is the first day of its
 * month and {@code to} the last of its own, whatever days were asked for. Whole months let the figures be
 * pre-aggregated by month (see DashboardFigures) and still be exact. The previous period is the same number of
 * months just before, which retention compares against.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public Period {
        if (to.isBefore(from)) {
            throw new InvalidDashboardQueryException("from (" + from + ") must not be after to (" + to + ")");
        }
        from = from.withDayOfMonth(1);
        to = to.withDayOfMonth(to.lengthOfMonth());
    }

    /** The twelve months up to and including the month of {@code today}, the default of the dashboard. */
    static Period lastTwelveMonths(LocalDate today, ZoneId zone) {
        return new Period(today.minusMonths(11), today, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (the day after {@code to} starts). */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Instant previousStart() {
        return from.minusMonths(months()).atStartOfDay(zone).toInstant();
    }

    long months() {
        return ChronoUnit.MONTHS.between(from, to.plusDays(1));
    }

    /** Month numbers as the pre-aggregated figures store them: year * 12 + month - 1. */
    int fromMonth() {
        return monthNumber(from);
    }

    int toMonth() {
        return monthNumber(to);
    }

    int previousFromMonth() {
        return fromMonth() - (int) months();
    }

    static int monthNumber(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }
}
