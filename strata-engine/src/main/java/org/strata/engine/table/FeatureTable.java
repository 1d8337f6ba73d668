package org.strata.engine.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Features of every customer, column by column, with a dense customer index: row {@code i} is the customer whose id
 * is {@code customerIds[i]}. Computed for one as-of date, so a run is reproducible.
 */
public record FeatureTable(String[] customerIds, Map<String, Column> columns) {

    public FeatureTable {
        columns = new LinkedHashMap<>(columns);
        for (var entry : columns.entrySet()) {
            if (entry.getValue().size() != customerIds.length) {
                throw new IllegalArgumentException("column " + entry.getKey() + " has " + entry.getValue().size()
                        + " rows, the table has " + customerIds.length);
            }
        }
    }

    public int size() {
        return customerIds.length;
    }

    public Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new NoSuchElementException("no column " + name + " in the feature table");
        }
        return column;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }
}
