package org.strata.engine.table;

import java.util.BitSet;

/** True/false values as bits; a row whose bit is set in {@code nulls} has no value. */
public record BooleanColumn(int size, BitSet values, BitSet nulls) implements Column {

    @Override
    public boolean isNull(int row) {
        return nulls.get(row);
    }
}
