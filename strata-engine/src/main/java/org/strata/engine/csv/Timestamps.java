package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Reads the day of an order time straight from bytes: {@code 2026-07-01}, {@code 2026/7/1}, {@code 2026.07.01},
 * {@code 20260701}, each optionally followed by a time ({@code 09:05}, {@code 09:05:30}, {@code T09:05:30.123}) and an
 * offset ({@code Z}, {@code +08:00}, {@code +0800}).
 *
 * <p>A time without offset is a local time in the business zone, so its day is simply the date written. A time with
 * an offset is an instant, and its day is the calendar day in the business zone (2026-06-30T20:00:00Z is 2026-07-01
 * in Asia/Shanghai).
 */
final class Timestamps {

    static final int INVALID = Integer.MIN_VALUE;

    private final ZoneRules rules;

    Timestamps(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Epoch day of {@code text}, or {@link #INVALID}. */
    int epochDay(String text) {
        byte[] b = text.strip().getBytes(StandardCharsets.UTF_8);
        return epochDay(b, 0, b.length);
    }

    /** Epoch day of bytes {@code [from, to)}, or {@link #INVALID}. */
    int epochDay(byte[] b, int from, int to) {
        int length = to - from;
        if ((length == 10 || length == 19) && b[from + 4] == '-' && b[from + 7] == '-') {
            int day = isoLocal(b, from, length);
            if (day != INVALID) {
                return day;
            }
        }
        return general(b, from, to);
    }

    /**
     * The common case in straight-line code: {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss} without offset, whose
     * day is the date written. Anything unusual goes to the general path.
     */
    private static int isoLocal(byte[] b, int p, int length) {
        int year = digit(b[p]) * 1000 + digit(b[p + 1]) * 100 + digit(b[p + 2]) * 10 + digit(b[p + 3]);
        int month = digit(b[p + 5]) * 10 + digit(b[p + 6]);
        int day = digit(b[p + 8]) * 10 + digit(b[p + 9]);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        if (length == 19) {
            if ((b[p + 10] != ' ' && b[p + 10] != 'T') || b[p + 13] != ':' || b[p + 16] != ':') {
                return INVALID;
            }
            int hour = digit(b[p + 11]) * 10 + digit(b[p + 12]);
            int minute = digit(b[p + 14]) * 10 + digit(b[p + 15]);
            int second = digit(b[p + 17]) * 10 + digit(b[p + 18]);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
                return INVALID;
            }
        }
        return (int) epochDay(year, month, day);
    }

    /** The digit's value, or a large negative number that makes any sum it is part of negative. */
    private static int digit(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : -100_000;
    }

    private int general(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        int p = from;
        if (to - p < 8) {
            return INVALID;
        }
        int year = digits(b, p, 4);
        if (year < 0) {
            return INVALID;
        }
        p += 4;
        int month;
        int day;
        if (isDigit(b[p])) {
            month = digits(b, p, 2);
            day = digits(b, p + 2, 2);
            p += 4;
        } else {
            byte separator = b[p];
            if (separator != '-' && separator != '/' && separator != '.') {
                return INVALID;
            }
            p++;
            int monthEnd = digitRun(b, p, to);
            if (monthEnd - p < 1 || monthEnd - p > 2 || monthEnd >= to || b[monthEnd] != separator) {
                return INVALID;
            }
            month = digits(b, p, monthEnd - p);
            p = monthEnd + 1;
            int dayEnd = digitRun(b, p, to);
            if (dayEnd - p < 1 || dayEnd - p > 2) {
                return INVALID;
            }
            day = digits(b, p, dayEnd - p);
            p = dayEnd;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        if (p == to) {
            return (int) epochDay;
        }
        if (b[p] != ' ' && b[p] != 'T') {
            return INVALID;
        }
        p++;
        while (p < to && b[p] == ' ') {
            p++;
        }
        // time of day: H or HH, then :mm, optional :ss and fraction
        int hourEnd = digitRun(b, p, to);
        if (hourEnd - p < 1 || hourEnd - p > 2 || hourEnd + 3 > to || b[hourEnd] != ':') {
            return INVALID;
        }
        int hour = digits(b, p, hourEnd - p);
        int minute = digits(b, hourEnd + 1, 2);
        p = hourEnd + 3;
        int second = 0;
        if (p < to && b[p] == ':') {
            if (p + 3 > to) {
                return INVALID;
            }
            second = digits(b, p + 1, 2);
            p += 3;
            if (p < to && b[p] == '.') {
                p = digitRun(b, p + 1, to);
            }
        }
        if (hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return INVALID;
        }
        if (p == to) {
            return (int) epochDay;
        }
        int offsetSeconds;
        if (b[p] == 'Z' && p + 1 == to) {
            offsetSeconds = 0;
        } else if ((b[p] == '+' || b[p] == '-') && (to - p == 3 || to - p == 5 || to - p == 6)) {
            int hours = digits(b, p + 1, 2);
            int minutes = to - p == 3 ? 0 : digits(b, to - 2, 2);
            if (hours < 0 || minutes < 0 || (to - p == 6 && b[p + 3] != ':')) {
                return INVALID;
            }
            offsetSeconds = (b[p] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return INVALID;
        }
        long instant = epochDay * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        int zoneOffset = rules.getOffset(Instant.ofEpochSecond(instant)).getTotalSeconds();
        return (int) Math.floorDiv(instant + zoneOffset, 86400L);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRun(byte[] b, int p, int to) {
        while (p < to && isDigit(b[p])) {
            p++;
        }
        return p;
    }

    /** The number written by {@code count} digits at {@code p}, or -1 when one is not a digit. */
    private static int digits(byte[] b, int p, int count) {
        int value = 0;
        for (int i = p; i < p + count; i++) {
            if (i >= b.length || !isDigit(b[i])) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
