package org.strata.engine.table;

import java.util.BitSet;

/** Numeric values (integers are held exactly up to 2^53). A row whose bit is set in {@code nulls} has no value. */
public record NumberColumn(double[] values, BitSet nulls) implements Column {

    public static NumberColumn of(double... values) {
        return new NumberColumn(values, new BitSet());
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int row) {
        return nulls.get(row);
    }
}
