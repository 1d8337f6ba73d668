package org.strata.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

/** A model that puts every customer into one of its segments (a text column of segment keys). */
public interface SegmentModel {

    /** Name of the column of segment keys it adds, e.g. {@code rfm_segment}. */
    String column();

    /** Every segment it can assign, in display order. */
    List<Segment> segments();

    /**
     * Features it needs that not every feature table has (event counts exist only with an events source). A table
     * lacking one of them gets no column from this model, so a rule naming the column fails as "not computed" rather
     * than every customer silently falling out of its segments.
     */
    default List<String> optionalInputs() {
        return List.of();
    }

    /** The segment key of every row; the values are the very strings of {@link Segment#key()}. */
    TextColumn classify(FeatureTable table);

    /** {@code table} with the segment column added (or replaced). */
    default FeatureTable addTo(FeatureTable table) {
        return withColumns(table, Map.of(column(), classify(table)));
    }

    /** A new table with {@code added} columns after the existing ones (a column of the same name is replaced). */
    static FeatureTable withColumns(FeatureTable table, Map<String, ? extends Column> added) {
        Map<String, Column> columns = new LinkedHashMap<>(table.columns());
        columns.putAll(added);
        return new FeatureTable(table.customerIds(), columns);
    }
}
