package org.strata.engine.table;

import java.util.BitSet;
import java.util.Map;

/** The tags customers carry: for each tag, the rows that have it. A tag set is never null (an empty set is "no tags"). */
public record TagColumn(int size, Map<String, BitSet> rowsByTag) implements Column {

    @Override
    public boolean isNull(int row) {
        return false;
    }

    public boolean has(int row, String tag) {
        BitSet rows = rowsByTag.get(tag);
        return rows != null && rows.get(row);
    }
}
