package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;
import org.strata.engine.data.Amounts;

/** Reads amounts straight from bytes, with {@link Amounts} as the general path for anything unusual (¥, commas ...). */
final class Numbers {

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    private static final long EXACT_LIMIT = 1L << 53;

    private Numbers() {
    }

    /**
     * The amount in bytes {@code [from, to)}.
     *
     * @throws NumberFormatException when it is not an amount
     */
    static double parse(byte[] b, int from, int to) {
        int p = from;
        boolean negative = false;
        if (p < to && b[p] == '-') {
            negative = true;
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; p < to; p++) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(b, from, to);
            }
        }
        if (digits == 0 || digits > 15) {
            return slow(b, from, to);
        }
        // both operands are exact doubles (mantissa < 2^53, 10^scale <= 10^18 exact up to 10^22), and IEEE division
        // is correctly rounded: the result equals Double.parseDouble of the same text
        double value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
        assert mantissa < EXACT_LIMIT;
        return negative ? -value : value;
    }

    private static double slow(byte[] b, int from, int to) {
        return Amounts.parse(new String(b, from, to - from, StandardCharsets.UTF_8));
    }
}
