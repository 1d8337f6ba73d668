package org.strata.engine.model;

import java.util.Arrays;
import org.strata.engine.table.NumberColumn;

/**
 * Ranks customers by a value, best first, for the models that cut the ranking into classes (ABC, pyramid). Only
 * positive values are ranked; customers tied on a value share the class of the first of them, so equal customers are
 * never split. Classes are therefore value ranges, and classifying a customer is comparing with a few cut values.
 */
final class ValueRanking {

    /** Decides the class of a tie group from its position (0 = best) and the sum of the values ranked before it. */
    interface ClassOfGroup {
        int classOf(long position, double sumBefore);
    }

    private final double[] ascending;
    private final double total;

    ValueRanking(NumberColumn column) {
        double[] positive = new double[column.size()];
        int n = 0;
        double sum = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.values()[i];
            if (!column.isNull(i) && v > 0) {
                positive[n++] = v;
                sum += v;
            }
        }
        ascending = Arrays.copyOf(positive, n);
        Arrays.sort(ascending);
        total = sum;
    }

    int count() {
        return ascending.length;
    }

    double total() {
        return total;
    }

    /**
     * For classes 0..classes-1 (0 = best), the smallest value in each class; +infinity for a class nobody is in.
     * A customer with a positive value v is in the first class c with {@code v >= minimum[c]}.
     */
    double[] classMinimums(int classes, ClassOfGroup rule) {
        double[] minimum = new double[classes];
        Arrays.fill(minimum, Double.POSITIVE_INFINITY);
        double sumBefore = 0;
        int groupClass = 0;
        for (int i = ascending.length - 1; i >= 0; i--) {
            double v = ascending[i];
            if (i == ascending.length - 1 || v != ascending[i + 1]) {
                groupClass = Math.max(groupClass, rule.classOf(ascending.length - 1 - i, sumBefore));
            }
            minimum[groupClass] = v;
            sumBefore += v;
        }
        return minimum;
    }

    static int classOf(double value, double[] minimums) {
        for (int c = 0; c < minimums.length; c++) {
            if (value >= minimums[c]) {
                return c;
            }
        }
        return minimums.length - 1;
    }
}
