package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;

/**
 * Formats one CSV cell straight into a byte array at a position and returns the position after it. The caller has
 * made room ({@link #NUMBER_WIDTH}, {@link #DATE_WIDTH}); nothing here checks or grows the array, so the writer's row
 * loop keeps the array and position in locals (C1, which compiles a scoring run, keeps fields in memory).
 *
 * <p>Numbers: whole numbers that fit an int as integers, NaN and infinities as nothing, magnitudes of 1e13 and more as
 * {@link Double#toString}, others rounded half away from zero to 2 decimals with trailing zeros dropped.
 */
final class CellFormat {

    /** The most bytes {@link #number} writes: {@code -1.2345678901234567E-300}. */
    static final int NUMBER_WIDTH = 24;
    /** The most bytes {@link #date} writes: {@code +5881580-07-11} for the last int epoch day. */
    static final int DATE_WIDTH = 16;

    /** "00" "01" ... "99": two digits per division. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private CellFormat() {
    }

    static int number(byte[] b, int at, double v) {
        int whole = (int) v;
        if (whole == v) {
            return integer(b, at, whole); // also 0 and -0.0
        }
        if (v != v || Double.isInfinite(v)) {
            return at;
        }
        double magnitude = v < 0 ? -v : v;
        if (magnitude >= 1e13) {
            return ascii(b, at, Double.toString(v));
        }
        // half away from zero on the magnitude (Math.round is a slow call in C1-compiled code)
        long cents = (long) (magnitude * 100 + 0.5);
        if (v < 0 && cents != 0) {
            b[at++] = '-';
        }
        long units;
        int fraction;
        if (cents <= Integer.MAX_VALUE) {
            int c = (int) cents;
            int u = div100(c);
            units = u;
            fraction = c - u * 100;
        } else {
            units = cents / 100;
            fraction = (int) (cents - units * 100);
        }
        at = units <= Integer.MAX_VALUE ? integer(b, at, (int) units) : ascii(b, at, Long.toString(units));
        if (fraction != 0) {
            b[at++] = '.';
            b[at++] = DIGIT_PAIRS[2 * fraction];
            if (DIGIT_PAIRS[2 * fraction + 1] != '0') {
                b[at++] = DIGIT_PAIRS[2 * fraction + 1];
            }
        }
        return at;
    }

    static int integer(byte[] b, int at, int value) {
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                return ascii(b, at, Integer.toString(value));
            }
            b[at++] = '-';
            value = -value;
        }
        if (value < 10) {
            b[at] = (byte) ('0' + value);
            return at + 1;
        }
        int end = at + digits(value);
        int i = end;
        while (value >= 100) {
            int next = div100(value);
            int pair = (value - next * 100) * 2;
            b[--i] = DIGIT_PAIRS[pair + 1];
            b[--i] = DIGIT_PAIRS[pair];
            value = next;
        }
        if (value >= 10) {
            b[--i] = DIGIT_PAIRS[value * 2 + 1];
            b[--i] = DIGIT_PAIRS[value * 2];
        } else {
            b[--i] = (byte) ('0' + value);
        }
        return end;
    }

    /**
     * {@code value / 100} for 0 <= value < 2^31 as a multiplication and a shift: C1 (which compiles a scoring run)
     * emits a real division for a constant divisor, tens of cycles per digit pair.
     */
    static int div100(int value) {
        return (int) ((value * 1374389535L) >>> 37);
    }

    private static int digits(int value) {
        return value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : value < 1000000 ? 6
                : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;
    }

    /** {@code yyyy-MM-dd}; years outside 1000-9999 as {@link java.time.LocalDate#toString}. */
    static int date(byte[] b, int at, int epochDay) {
        // civil_from_days (H. Hinnant)
        int z = epochDay + 719468;
        int era = Math.floorDiv(z, 146097);
        int dayOfEra = z - era * 146097;
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1000 || year > 9999) {
            return ascii(b, at, java.time.LocalDate.ofEpochDay(epochDay).toString());
        }
        at = integer(b, at, year);
        b[at++] = '-';
        b[at++] = DIGIT_PAIRS[2 * month];
        b[at++] = DIGIT_PAIRS[2 * month + 1];
        b[at++] = '-';
        b[at++] = DIGIT_PAIRS[2 * day];
        b[at++] = DIGIT_PAIRS[2 * day + 1];
        return at;
    }

    /** ASCII text (digits, signs, letters of the JDK's number and date texts). */
    static int ascii(byte[] b, int at, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, b, at, bytes.length);
        return at + bytes.length;
    }
}
