package org.strata.engine.rule.eval;

import org.strata.engine.rule.ComparisonOperator;

/** Loops over epoch-day columns. */
final class DateKernels {

    private DateKernels() {
    }

    /** Branch-free like the number kernel: the signs of {@code x - c} and {@code c - x} say below, same or above. */
    static Truth compare(Dates left, int constant, ComparisonOperator operator, Frame frame) {
        int[] d = left.days();
        long[] bits = new long[frame.words()];
        long below = operator.test(-1) ? 1 : 0;
        long same = operator.test(0) ? 1 : 0;
        long above = operator.test(1) ? 1 : 0;
        for (int i = 0; i < frame.rows(); i++) {
            long lower = ((long) d[i] - constant) >>> 63;
            long higher = ((long) constant - d[i]) >>> 63;
            long hit = (below & lower) | (above & higher) | (same & ~(lower | higher));
            bits[i >>> 6] |= hit << i;
        }
        return Truth.of(bits, left.nulls(), frame);
    }

    static Truth compare(Dates left, Dates right, ComparisonOperator operator, Frame frame) {
        int[] a = left.days();
        int[] b = right.days();
        long[] bits = new long[frame.words()];
        for (int i = 0; i < frame.rows(); i++) {
            if (operator.test(Integer.compare(a[i], b[i]))) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return Truth.of(bits, NumberKernels.or(left.nulls(), right.nulls()), frame);
    }

    static Dates shift(Dates dates, int days, Frame frame) {
        int[] result = new int[frame.rows()];
        int[] d = dates.days();
        for (int i = 0; i < result.length; i++) {
            result[i] = d[i] + days;
        }
        return new Dates(result, dates.nulls());
    }

    /** {@code to - from} in days, as a number column. */
    static Numbers daysBetween(Dates from, Dates to, Frame frame) {
        double[] result = new double[frame.rows()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (double) to.days()[i] - from.days()[i];
        }
        return new Numbers(result, NumberKernels.or(from.nulls(), to.nulls()));
    }

    static Dates coalesce(Dates first, Dates fallback) {
        int[] result = first.days().clone();
        long[] nulls = new long[first.nulls().length];
        for (int i = 0; i < result.length; i++) {
            if (first.isNull(i)) {
                result[i] = fallback.days()[i];
            }
        }
        for (int w = 0; w < nulls.length; w++) {
            nulls[w] = first.nulls()[w] & fallback.nulls()[w];
        }
        return new Dates(result, nulls);
    }
}
