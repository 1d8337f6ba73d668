package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.engine.model.Tables.values;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

class RfmScoringTest {

    static final double NULL = Double.NaN;

    final FeatureTable table = Tables.of(
            "recency_days", values(5, 45, 200, 400, NULL),
            "frequency", values(12, 4, 2, 1, 0),
            "monetary", values(20000, 5000, 900, 50, 0));

    @Test
    void thresholdsScoreByFixedLimits() {
        RfmScoring rfm = RfmScoring.thresholds(new double[] {30, 90, 180, 365}, new double[] {2, 3, 5, 10},
                new double[] {100, 1000, 5000, 10000});
        Map<String, NumberColumn> scores = rfm.score(table);
        assertThat(QuantileScoresTest.scores(scores.get("r_score"))).containsExactly(5, 4, 2, 1, NULL);
        assertThat(QuantileScoresTest.scores(scores.get("f_score"))).containsExactly(5, 3, 2, 1, NULL);
        assertThat(QuantileScoresTest.scores(scores.get("m_score"))).containsExactly(5, 4, 2, 1, NULL);
        assertThat(rfm.bins()).isEqualTo(5);
    }

    @Test
    void quantilesRankOnlyCustomersWithAPurchase() {
        Map<String, NumberColumn> scores = RfmScoring.quantiles(4).score(table);
        // four buyers: ranks 0..3 -> scores 1..4; the customer without purchase gets none
        assertThat(QuantileScoresTest.scores(scores.get("r_score"))).containsExactly(4, 3, 2, 1, NULL);
        assertThat(QuantileScoresTest.scores(scores.get("f_score"))).containsExactly(4, 3, 2, 1, NULL);
        assertThat(QuantileScoresTest.scores(scores.get("m_score"))).containsExactly(4, 3, 2, 1, NULL);
    }

    @Test
    void binsMustBeThreeToFiveAndThresholdsAscending() {
        assertThatThrownBy(() -> RfmScoring.quantiles(6)).hasMessageContaining("3, 4 or 5");
        assertThatThrownBy(() -> RfmScoring.thresholds(new double[] {90, 30}, new double[] {2, 3},
                new double[] {1, 2})).hasMessageContaining("ascending");
        assertThatThrownBy(() -> RfmScoring.thresholds(new double[] {30, 90}, new double[] {2},
                new double[] {1, 2})).hasMessageContaining("2 to 4 values");
    }

    @Test
    void scoresAreAddedAsColumnsRulesCanUse() {
        FeatureTable scored = RfmScoring.quantiles(5).addTo(table);
        assertThat(scored.columns().keySet()).contains("r_score", "f_score", "m_score");
    }
}
