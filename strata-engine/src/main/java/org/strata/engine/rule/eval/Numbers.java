package org.strata.engine.rule.eval;

import java.util.Arrays;

/**
 * A column of numbers being computed: {@code values[i]} is meaningful only where bit {@code i} of {@code nulls} is
 * clear. A vector read from a feature shares the feature's array, so no kernel writes into its inputs.
 */
record Numbers(double[] values, long[] nulls) {

    static Numbers constant(Double value, Frame frame) {
        double[] values = new double[frame.rows()];
        if (value == null) {
            return new Numbers(values, frame.allRows());
        }
        Arrays.fill(values, value);
        return new Numbers(values, new long[frame.words()]);
    }

    boolean isNull(int row) {
        return (nulls[row >>> 6] & (1L << row)) != 0;
    }
}
