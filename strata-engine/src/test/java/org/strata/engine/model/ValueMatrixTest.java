package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.model.Tables.values;

import org.junit.jupiter.api.Test;

class ValueMatrixTest {

    @Test
    void quadrantsByValueAndDifficulty() {
        var table = Tables.of("monetary_365d", values(9000, 9000, 100, 100, Double.NaN),
                "tickets_365d", values(0, 12, 0, 12, 1));
        var matrix = new ValueMatrix("monetary_365d", 1000.0, "tickets_365d", 5.0);
        assertThat(matrix.classify(table).values()).containsExactly("star", "cash_cow", "question", "dog", null);
        assertThat(matrix.segments()).extracting(Segment::labelZh).containsExactly("明星", "现金牛", "问题", "瘦狗");
    }

    @Test
    void withoutThresholdsBothAxesSplitAtTheMedianAndZeroTicketsIsNeverHard() {
        var table = Tables.of("monetary_365d", values(10, 20, 30, 40), "tickets_365d", values(0, 0, 0, 3));
        assertThat(ValueMatrix.standard().classify(table).values())
                .containsExactly("question", "question", "star", "cash_cow");
    }
}
