package org.strata.engine.model;

import org.strata.engine.score.ScoreError;
import org.strata.engine.i18n.LocalizedArgumentException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

/**
 * R, F and M scores 1..k from {@code recency_days}, {@code frequency} and {@code monetary}, added as {@code r_score},
 * {@code f_score} and {@code m_score}. R is reversed: fewer days since the last purchase = higher score. Customers
 * without a purchase (no recency) get no scores.
 *
 * <p>Two ways to score: by quantiles ({@link QuantileScores}, k = 3, 4 or 5) or by fixed thresholds.
 */
public final class RfmScoring {

    private final int bins;
    private final double[] recencyLimits;
    private final double[] frequencyMinimums;
    private final double[] monetaryMinimums;

    private RfmScoring(int bins, double[] recencyLimits, double[] frequencyMinimums, double[] monetaryMinimums) {
        this.bins = bins;
        this.recencyLimits = recencyLimits;
        this.frequencyMinimums = frequencyMinimums;
        this.monetaryMinimums = monetaryMinimums;
    }

    /** Scores by quantiles with {@code bins} = 3, 4 or 5 classes. */
    public static RfmScoring quantiles(int bins) {
        if (bins < 3 || bins > 5) {
            throw new LocalizedArgumentException(ScoreError.BINS.with(bins));
        }
        return new RfmScoring(bins, null, null, null);
    }

    /**
     * Scores by fixed thresholds, each list ascending and of the same length k - 1.
     *
     * @param recencyLimits     e.g. {30, 90, 180, 365}: recency <= 30 days scores 5, <= 90 scores 4, ... > 365 scores 1
     * @param frequencyMinimums e.g. {2, 3, 5, 10}: frequency >= 10 scores 5, >= 5 scores 4, ... < 2 scores 1
     * @param monetaryMinimums  likewise for monetary
     */
    public static RfmScoring thresholds(double[] recencyLimits, double[] frequencyMinimums,
                                        double[] monetaryMinimums) {
        int cuts = recencyLimits.length;
        if (cuts < 2 || cuts > 4 || frequencyMinimums.length != cuts || monetaryMinimums.length != cuts) {
            throw new IllegalArgumentException("thresholds need 2 to 4 values for each of R, F and M (3 to 5 scores), "
                    + "were " + recencyLimits.length + ", " + frequencyMinimums.length + ", "
                    + monetaryMinimums.length);
        }
        for (double[] list : new double[][] {recencyLimits, frequencyMinimums, monetaryMinimums}) {
            for (int i = 1; i < list.length; i++) {
                if (list[i] <= list[i - 1]) {
                    throw new IllegalArgumentException("thresholds must be strictly ascending: "
                            + Arrays.toString(list));
                }
            }
        }
        return new RfmScoring(cuts + 1, recencyLimits.clone(), frequencyMinimums.clone(), monetaryMinimums.clone());
    }

    public int bins() {
        return bins;
    }

    /** r_score, f_score and m_score, in that order. */
    public Map<String, NumberColumn> score(FeatureTable table) {
        NumberColumn recency = ModelInputs.number(table, "recency_days", "RFM scoring");
        NumberColumn frequency = ModelInputs.number(table, "frequency", "RFM scoring");
        NumberColumn monetary = ModelInputs.number(table, "monetary", "RFM scoring");
        // frequency and monetary are 0 for customers without a purchase; they are not ranked among buyers
        BitSet noPurchase = recency.nulls();
        frequency = new NumberColumn(frequency.values(), noPurchase);
        monetary = new NumberColumn(monetary.values(), noPurchase);
        Map<String, NumberColumn> scores = new LinkedHashMap<>();
        if (recencyLimits == null) {
            // the three are independent: R on a second thread while F and M are scored here
            NumberColumn buyersFrequency = frequency;
            NumberColumn buyersMonetary = monetary;
            CompletableFuture<NumberColumn> r = CompletableFuture.supplyAsync(
                    () -> QuantileScores.score(recency, bins, false), RfmScoring::runOnOwnThread);
            NumberColumn f = QuantileScores.score(buyersFrequency, bins, true);
            NumberColumn m = QuantileScores.score(buyersMonetary, bins, true);
            scores.put("r_score", r.join());
            scores.put("f_score", f);
            scores.put("m_score", m);
        } else {
            scores.put("r_score", byThresholds(recency, recencyLimits, false));
            scores.put("f_score", byThresholds(frequency, frequencyMinimums, true));
            scores.put("m_score", byThresholds(monetary, monetaryMinimums, true));
        }
        return scores;
    }

    private static void runOnOwnThread(Runnable task) {
        Thread thread = new Thread(task, "strata-rfm-scores");
        thread.setDaemon(true);
        thread.start();
    }

    public FeatureTable addTo(FeatureTable table) {
        return SegmentModel.withColumns(table, score(table));
    }

    private NumberColumn byThresholds(NumberColumn column, double[] cuts, boolean higherIsBetter) {
        double[] scores = new double[column.size()];
        for (int i = 0; i < scores.length; i++) {
            if (column.isNull(i)) {
                continue;
            }
            double v = column.values()[i];
            int passed = 0;
            for (double cut : cuts) {
                if (higherIsBetter ? v >= cut : v > cut) {
                    passed++;
                }
            }
            scores[i] = higherIsBetter ? 1 + passed : bins - passed;
        }
        return new NumberColumn(scores, (BitSet) column.nulls().clone());
    }
}
