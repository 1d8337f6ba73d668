package org.strata.engine.model;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

/** Small feature tables for model tests: {@code Tables.of("recency_days", r, "frequency", f, ...)}. */
final class Tables {

    private Tables() {
    }

    /** Columns by name; a {@code Double.NaN} value is a null. */
    static FeatureTable of(Object... nameThenValues) {
        Map<String, Column> columns = new LinkedHashMap<>();
        int rows = -1;
        for (int i = 0; i < nameThenValues.length; i += 2) {
            double[] values = (double[]) nameThenValues[i + 1];
            BitSet nulls = new BitSet();
            for (int r = 0; r < values.length; r++) {
                if (Double.isNaN(values[r])) {
                    nulls.set(r);
                    values[r] = 0;
                }
            }
            columns.put((String) nameThenValues[i], new NumberColumn(values, nulls));
            rows = values.length;
        }
        String[] ids = IntStream.range(0, rows).mapToObj(r -> "c" + r).toArray(String[]::new);
        return new FeatureTable(ids, columns);
    }

    static double[] values(double... values) {
        return values;
    }
}
