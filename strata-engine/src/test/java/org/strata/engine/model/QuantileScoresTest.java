package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strata.engine.table.NumberColumn;

class QuantileScoresTest {

    static double[] scores(NumberColumn column) {
        double[] out = column.values().clone();
        for (int i = 0; i < out.length; i++) {
            if (column.isNull(i)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    @Test
    void distinctValuesSplitIntoEqualClasses() {
        NumberColumn values = NumberColumn.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        // rank 0..9, score = floor(rank * 5 / 10) + 1
        assertThat(scores(QuantileScores.score(values, 5, true))).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void tiedValuesShareTheLowestRankSoOneTimeBuyersAllScoreOne() {
        // six one-time buyers of ten: ranks 0 for all of them, then 6, 6, 8, 9
        NumberColumn frequency = NumberColumn.of(1, 1, 1, 1, 1, 1, 2, 2, 3, 7);
        assertThat(scores(QuantileScores.score(frequency, 5, true))).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    }

    @Test
    void recencyIsReversedFewerDaysScoreHigher() {
        NumberColumn recency = NumberColumn.of(1, 400, 30, 30, 90);
        // as "recentness" ascending: 400 (rank 0), 90 (1), 30 and 30 (2), 1 (4); score = floor(rank * 3 / 5) + 1
        assertThat(scores(QuantileScores.score(recency, 3, false))).containsExactly(3, 1, 2, 2, 1);
    }

    @Test
    void nullsStayNullAndAreNotRanked() {
        BitSet nulls = new BitSet();
        nulls.set(1);
        NumberColumn values = new NumberColumn(new double[] {5, 0, 1, 9}, nulls);
        assertThat(scores(QuantileScores.score(values, 3, true))).containsExactly(2, Double.NaN, 1, 3);
    }

    @Test
    void scoresMatchTheRankFormulaOnRandomDataWithHeavyTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            int bins = 3 + random.nextInt(3);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? random.nextInt(1000) / 10.0 : random.nextInt(3);
            }
            boolean higherIsBetter = random.nextBoolean();
            double[] actual = scores(QuantileScores.score(NumberColumn.of(values.clone()), bins, higherIsBetter));
            for (int i = 0; i < n; i++) {
                int rank = 0;
                for (double other : values) {
                    if (higherIsBetter ? other < values[i] : other > values[i]) {
                        rank++;
                    }
                }
                assertThat(actual[i]).as("round %d value %s", round, values[i])
                        .isEqualTo(Math.floor((double) rank * bins / n) + 1);
            }
        }
    }
}
