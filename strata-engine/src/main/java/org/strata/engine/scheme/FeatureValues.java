package org.strata.engine.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

/** One customer's feature values as plain Java values (for a ledger's "why", a sample, an API response). */
public final class FeatureValues {

    private FeatureValues() {
    }

    /**
     * Name -> value for {@code names}, in that order: numbers as Long when whole (so 3 reads "3", not "3.0"),
     * else Double; dates as ISO text; tags as a list; a missing value as null.
     */
    public static Map<String, Object> of(FeatureTable table, int row, Collection<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, table.has(name) ? value(table.column(name), row) : null);
        }
        return values;
    }

    public static Object value(Column column, int row) {
        if (column.isNull(row)) {
            return null;
        }
        if (column instanceof NumberColumn number) {
            return number(number.values()[row]);
        }
        if (column instanceof TextColumn text) {
            return text.values()[row];
        }
        if (column instanceof BooleanColumn bool) {
            return bool.values().get(row);
        }
        if (column instanceof DateColumn date) {
            return LocalDate.ofEpochDay(date.epochDays()[row]).toString();
        }
        return tagsOf((TagColumn) column, row);
    }

    private static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return value;
    }

    private static List<String> tagsOf(TagColumn column, int row) {
        List<String> tags = new ArrayList<>();
        column.rowsByTag().forEach((tag, rows) -> {
            if (rows.get(row)) {
                tags.add(tag);
            }
        });
        tags.sort(null);
        return tags;
    }
}
