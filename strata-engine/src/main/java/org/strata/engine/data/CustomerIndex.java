package org.strata.engine.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps customer ids to dense row numbers 0..n-1 in the order the ids were first added, so every per-customer array
 * (order columns, feature columns) can be indexed by the same int.
 *
 * <p>The id-to-row map is built only when someone looks an id up: a batch run that gets its ids from the CSV reader
 * (which already knows they are distinct) and only needs them back by row never pays for a million map entries.
 */
public final class CustomerIndex {

    private String[] ids;
    private int size;
    private Map<String, Integer> rowById;

    public CustomerIndex() {
        this(16);
    }

    public CustomerIndex(int expectedSize) {
        ids = new String[Math.max(16, expectedSize)];
    }

    /** The row of {@code id}, adding it at the end when it is new. */
    public int add(String id) {
        Integer row = map().get(id);
        if (row != null) {
            return row;
        }
        append(id);
        rowById.put(id, size - 1);
        return size - 1;
    }

    /**
     * Appends ids the caller guarantees to be distinct and new (the CSV reader has checked them); cheaper than
     * {@link #add} because no map is touched until someone looks an id up.
     */
    public void appendDistinct(String[] newIds, int count) {
        if (size + count > ids.length) {
            ids = Arrays.copyOf(ids, size + count); // once, not by doubling (a million ids from the CSV reader)
        }
        for (int i = 0; i < count; i++) {
            append(newIds[i]);
            if (rowById != null) {
                rowById.put(newIds[i], size - 1);
            }
        }
    }

    /** The row of {@code id}, or -1 when the index does not hold it. */
    public int indexOf(String id) {
        Integer row = map().get(id);
        return row == null ? -1 : row;
    }

    public String id(int row) {
        if (row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size + " customers");
        }
        return ids[row];
    }

    public int size() {
        return size;
    }

    /** The ids by row; a copy, so callers may keep it. */
    public String[] ids() {
        return Arrays.copyOf(ids, size);
    }

    private void append(String id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    private Map<String, Integer> map() {
        if (rowById == null) {
            rowById = new HashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
            for (int row = 0; row < size; row++) {
                rowById.put(ids[row], row);
            }
        }
        return rowById;
    }
}
