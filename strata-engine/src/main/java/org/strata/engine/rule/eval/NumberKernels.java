package org.strata.engine.rule.eval;

import org.strata.engine.rule.ArithmeticOperator;
import org.strata.engine.rule.ComparisonOperator;

/**
 * Loops over double columns that never box. Comparisons with a constant pack 64 rows per word without branches.
 * Only LESS, LESS_OR_EQUAL and EQUAL are scanned: the other three are their complements on known rows, which holds
 * because a known value is never NaN (no operation of the language produces one; a feature table must not hold one).
 */
final class NumberKernels {

    private NumberKernels() {
    }

    static Truth compare(Numbers left, double constant, ComparisonOperator operator, Frame frame) {
        if (!Double.isFinite(constant)) {
            return compare(left, Numbers.constant(constant, frame), operator, frame);
        }
        double[] v = left.values();
        double c = constant + 0.0; // -0.0 becomes 0.0, see less()
        int rows = frame.rows();
        long[] bits = new long[frame.words()];
        int fullWords = rows >>> 6;
        switch (operator) {
            case LESS, GREATER_OR_EQUAL -> {
                for (int w = 0; w < fullWords; w++) {
                    int base = w << 6;
                    long word = 0;
                    for (int j = 0; j < 64; j++) {
                        word |= less(v[base + j], c) << j;
                    }
                    bits[w] = word;
                }
                for (int i = fullWords << 6; i < rows; i++) {
                    bits[i >>> 6] |= less(v[i], c) << i;
                }
            }
            case LESS_OR_EQUAL, GREATER -> {
                // x <= c is "not (c < x)"; the complement is taken per bit so rows past the end stay zero
                for (int w = 0; w < fullWords; w++) {
                    int base = w << 6;
                    long word = 0;
                    for (int j = 0; j < 64; j++) {
                        word |= (less(c, v[base + j]) ^ 1L) << j;
                    }
                    bits[w] = word;
                }
                for (int i = fullWords << 6; i < rows; i++) {
                    bits[i >>> 6] |= (less(c, v[i]) ^ 1L) << i;
                }
            }
            case EQUAL, NOT_EQUAL -> {
                for (int i = 0; i < rows; i++) {
                    bits[i >>> 6] |= (v[i] == c ? 1L : 0L) << i;
                }
            }
        }
        return complementIfNeeded(Truth.of(bits, left.nulls(), frame), operator);
    }

    /**
     * 1 when {@code x < y}, else 0, without a branch: the sign of {@code x - y}. A branch would be mispredicted on
     * every other row of real data, which costs more than the whole comparison. Exact for finite {@code y} and
     * non-NaN {@code x}: the difference of two different doubles is never zero (subnormals), and adding 0.0 turns
     * -0.0 into 0.0 so that {@code -0.0 < 0.0} stays false. {@code x} may be infinite; NaN only occurs under a null,
     * whose bit is discarded.
     */
    private static long less(double x, double y) {
        return Double.doubleToRawLongBits((x + 0.0) - y) >>> 63;
    }

    static Truth compare(Numbers left, Numbers right, ComparisonOperator operator, Frame frame) {
        double[] a = left.values();
        double[] b = right.values();
        int rows = frame.rows();
        long[] bits = new long[frame.words()];
        boolean less = operator == ComparisonOperator.LESS || operator == ComparisonOperator.GREATER_OR_EQUAL;
        boolean lessOrEqual = operator == ComparisonOperator.LESS_OR_EQUAL || operator == ComparisonOperator.GREATER;
        for (int w = 0; w < bits.length; w++) {
            int base = w << 6;
            int end = Math.min(64, rows - base);
            long word = 0;
            for (int j = 0; j < end; j++) {
                double x = a[base + j];
                double y = b[base + j];
                boolean hit = less ? x < y : lessOrEqual ? x <= y : x == y;
                word |= (hit ? 1L : 0L) << j;
            }
            bits[w] = word;
        }
        return complementIfNeeded(Truth.of(bits, or(left.nulls(), right.nulls()), frame), operator);
    }

    private static Truth complementIfNeeded(Truth scanned, ComparisonOperator operator) {
        return switch (operator) {
            case GREATER_OR_EQUAL, GREATER, NOT_EQUAL -> scanned.not();
            default -> scanned;
        };
    }

    /** Division by zero gives null, as NULLIF(divisor, 0) does in SQL. */
    static Numbers arithmetic(ArithmeticOperator operator, Numbers left, Numbers right, Frame frame) {
        double[] a = left.values();
        double[] b = right.values();
        double[] result = new double[frame.rows()];
        long[] nulls = or(left.nulls(), right.nulls());
        switch (operator) {
            case ADD -> {
                for (int i = 0; i < result.length; i++) {
                    result[i] = a[i] + b[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < result.length; i++) {
                    result[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < result.length; i++) {
                    result[i] = a[i] * b[i];
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < result.length; i++) {
                    if (b[i] == 0) {
                        nulls[i >>> 6] |= 1L << i;
                    } else {
                        result[i] = a[i] / b[i];
                    }
                }
            }
        }
        return new Numbers(result, nulls);
    }

    static Numbers negate(Numbers operand, Frame frame) {
        double[] result = new double[frame.rows()];
        double[] v = operand.values();
        for (int i = 0; i < result.length; i++) {
            result[i] = -v[i];
        }
        return new Numbers(result, operand.nulls());
    }

    static Numbers abs(Numbers operand, Frame frame) {
        double[] result = new double[frame.rows()];
        double[] v = operand.values();
        for (int i = 0; i < result.length; i++) {
            result[i] = Math.abs(v[i]);
        }
        return new Numbers(result, operand.nulls());
    }

    /**
     * min/max as SQL's {@code CASE WHEN a <= b THEN a WHEN b < a THEN b END} computes them: null when either is
     * null, and on a tie the first argument.
     */
    static Numbers minOrMax(boolean min, Numbers left, Numbers right, Frame frame) {
        double[] a = left.values();
        double[] b = right.values();
        double[] result = new double[frame.rows()];
        for (int i = 0; i < result.length; i++) {
            result[i] = min ? (a[i] <= b[i] ? a[i] : b[i]) : (a[i] >= b[i] ? a[i] : b[i]);
        }
        return new Numbers(result, or(left.nulls(), right.nulls()));
    }

    static Numbers coalesce(Numbers first, Numbers fallback, Frame frame) {
        double[] result = first.values().clone();
        long[] nulls = new long[first.nulls().length];
        for (int i = 0; i < result.length; i++) {
            if (first.isNull(i)) {
                result[i] = fallback.values()[i];
            }
        }
        for (int w = 0; w < nulls.length; w++) {
            nulls[w] = first.nulls()[w] & fallback.nulls()[w];
        }
        return new Numbers(result, nulls);
    }

    static boolean[] anyEqual(Numbers value, double[] candidates) {
        double[] v = value.values();
        boolean[] hits = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            for (double candidate : candidates) {
                if (v[i] == candidate) {
                    hits[i] = true;
                    break;
                }
            }
        }
        return hits;
    }

    static long[] or(long[] a, long[] b) {
        long[] result = new long[a.length];
        for (int w = 0; w < result.length; w++) {
            result[w] = a[w] | b[w];
        }
        return result;
    }

    static long[] pack(boolean[] hits, int words) {
        long[] bits = new long[words];
        for (int i = 0; i < hits.length; i++) {
            if (hits[i]) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }
}
