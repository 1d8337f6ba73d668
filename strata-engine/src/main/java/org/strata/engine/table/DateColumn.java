package org.strata.engine.table;

import java.util.BitSet;

/** Calendar dates as days since 1970-01-01 (in the business time zone); a row set in {@code nulls} has no value. */
public record DateColumn(int[] epochDays, BitSet nulls) implements Column {

    @Override
    public int size() {
        return epochDays.length;
    }

    @Override
    public boolean isNull(int row) {
        return nulls.get(row);
    }
}
