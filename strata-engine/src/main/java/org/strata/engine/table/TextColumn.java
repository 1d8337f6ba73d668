package org.strata.engine.table;

/** Text values; a null element is a missing value. */
public record TextColumn(String[] values) implements Column {

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int row) {
        return values[row] == null;
    }
}
