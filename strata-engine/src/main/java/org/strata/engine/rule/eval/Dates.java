package org.strata.engine.rule.eval;

import java.util.Arrays;

/** A column of dates as epoch days; {@code days[i]} is meaningful only where bit {@code i} of {@code nulls} is clear. */
record Dates(int[] days, long[] nulls) {

    static Dates constant(Integer day, Frame frame) {
        int[] days = new int[frame.rows()];
        if (day == null) {
            return new Dates(days, frame.allRows());
        }
        Arrays.fill(days, day);
        return new Dates(days, new long[frame.words()]);
    }

    boolean isNull(int row) {
        return (nulls[row >>> 6] & (1L << row)) != 0;
    }
}
