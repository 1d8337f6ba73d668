package org.strata.engine.model;

import java.util.List;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * The value × difficulty matrix for B2B accounts, laid out like the BCG matrix: value on one axis, and on the other a
 * difficulty (cost or effort to serve, e.g. support tickets) where low is favourable.
 * <pre>
 *                     low difficulty        high difficulty
 *   high value        star 明星              cash_cow 现金牛 (pays, but demanding: serve efficiently)
 *   low value         question 问题          dog 瘦狗
 * </pre>
 * Each axis is high when strictly above its threshold (so with the default median split, a customer without any
 * ticket is never "hard" even when the median is 0). A threshold left null is the median of the feature over the
 * customers that have a value. Customers lacking either value have no quadrant.
 *
 * <p>The standard matrix reads support tickets, an event count: where no events source exists (batch scoring of an
 * orders file) it is not computed ({@link #optionalInputs()}).
 */
public final class ValueMatrix implements SegmentModel {

    public static final Segment STAR = new Segment("star", "明星", "Star");
    public static final Segment CASH_COW = new Segment("cash_cow", "现金牛", "Cash cow");
    public static final Segment QUESTION = new Segment("question", "问题", "Question mark");
    public static final Segment DOG = new Segment("dog", "瘦狗", "Dog");

    private final String valueFeature;
    private final Double valueThreshold;
    private final String difficultyFeature;
    private final Double difficultyThreshold;

    /**
     * @param valueThreshold      value above which a customer is "high value"; null = the median
     * @param difficultyThreshold difficulty above which a customer is "hard"; null = the median
     */
    public ValueMatrix(String valueFeature, Double valueThreshold, String difficultyFeature,
                       Double difficultyThreshold) {
        if (valueFeature == null || valueFeature.isBlank() || difficultyFeature == null
                || difficultyFeature.isBlank()) {
            throw new IllegalArgumentException("the value matrix needs a value feature and a difficulty feature, "
                    + "e.g. monetary_365d and tickets_365d");
        }
        if (isNotFinite(valueThreshold) || isNotFinite(difficultyThreshold)) {
            throw new IllegalArgumentException("value matrix thresholds must be finite numbers (or absent for the "
                    + "median), were " + valueThreshold + " and " + difficultyThreshold);
        }
        this.valueFeature = valueFeature;
        this.valueThreshold = valueThreshold;
        this.difficultyFeature = difficultyFeature;
        this.difficultyThreshold = difficultyThreshold;
    }

    /** Net spend of the last 365 days against support tickets of the last 365 days, both split at the median. */
    public static ValueMatrix standard() {
        return new ValueMatrix("monetary_365d", null, "tickets_365d", null);
    }

    @Override
    public String column() {
        return "value_matrix";
    }

    @Override
    public List<String> optionalInputs() {
        return List.of(valueFeature, difficultyFeature);
    }

    public String valueFeature() {
        return valueFeature;
    }

    public String difficultyFeature() {
        return difficultyFeature;
    }

    private static boolean isNotFinite(Double threshold) {
        return threshold != null && !Double.isFinite(threshold);
    }

    @Override
    public List<Segment> segments() {
        return List.of(STAR, CASH_COW, QUESTION, DOG);
    }

    @Override
    public TextColumn classify(FeatureTable table) {
        NumberColumn value = ModelInputs.number(table, valueFeature, "The value matrix");
        NumberColumn difficulty = ModelInputs.number(table, difficultyFeature, "The value matrix");
        double v = valueThreshold != null ? valueThreshold : ModelInputs.median(ModelInputs.sortedValues(value));
        double d = difficultyThreshold != null ? difficultyThreshold
                : ModelInputs.median(ModelInputs.sortedValues(difficulty));
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            if (value.isNull(i) || difficulty.isNull(i)) {
                continue;
            }
            boolean highValue = value.values()[i] > v;
            boolean hard = difficulty.values()[i] > d;
            keys[i] = (highValue ? (hard ? CASH_COW : STAR) : (hard ? DOG : QUESTION)).key();
        }
        return new TextColumn(keys);
    }
}
