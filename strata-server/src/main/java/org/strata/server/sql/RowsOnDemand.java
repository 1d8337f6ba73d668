package org.strata.server.sql;

import java.util.AbstractList;
import java.util.function.IntFunction;

/**
 * Rows for {@link SqlDialect#appendRows} made only when COPY takes them, a few hundred at a time: making a row then
 * overlaps with the database storing the ones sent before, instead of the database waiting while a whole batch of
 * rows is made first. Each row is made anew on every {@link #get}; COPY takes each once.
 */
public final class RowsOnDemand extends AbstractList<Object[]> {

    private final int size;
    private final IntFunction<Object[]> row;

    /** @param row makes the row at an index, from 0 to {@code size - 1} */
    public RowsOnDemand(int size, IntFunction<Object[]> row) {
        this.size = size;
        this.row = row;
    }

    @Override
    public Object[] get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return row.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
