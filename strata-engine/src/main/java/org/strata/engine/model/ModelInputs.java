package org.strata.engine.model;

import java.util.Arrays;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

/** Reading model inputs from a feature table with errors that say which feature is missing or has the wrong type. */
final class ModelInputs {

    private ModelInputs() {
    }

    static NumberColumn number(FeatureTable table, String feature, String model) {
        if (!table.has(feature)) {
            throw new IllegalArgumentException(model + " needs the feature " + feature + ", which the table lacks; "
                    + "it has " + table.columns().keySet());
        }
        Column column = table.column(feature);
        if (column instanceof NumberColumn number) {
            return number;
        }
        throw new IllegalArgumentException(model + " needs " + feature + " to be a number, but it is a "
                + column.getClass().getSimpleName());
    }

    /** The non-null values of {@code column}, sorted ascending. */
    static double[] sortedValues(NumberColumn column) {
        double[] values = new double[column.size()];
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isNull(i)) {
                values[count++] = column.values()[i];
            }
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Median of sorted values (mean of the two middle ones for an even count); NaN when empty. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double mean(NumberColumn column) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isNull(i)) {
                sum += column.values()[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
