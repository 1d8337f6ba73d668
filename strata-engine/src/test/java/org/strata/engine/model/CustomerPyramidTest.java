package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.model.Tables.values;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.model.CustomerPyramid.Level;

class CustomerPyramidTest {

    @Test
    void levelsFollowRankByValue() {
        double[] monetary = new double[102];
        for (int i = 0; i < 100; i++) {
            monetary[i] = 1000 - i; // positions 0..99 of 100 ranked customers
        }
        monetary[100] = 0;
        monetary[101] = Double.NaN;
        String[] levels = CustomerPyramid.standard().classify(Tables.of("monetary", monetary)).values();
        assertThat(levels[0]).isEqualTo("top");       // position 0 < 1
        assertThat(levels[1]).isEqualTo("large");     // positions 1..4 < 5
        assertThat(levels[4]).isEqualTo("large");
        assertThat(levels[5]).isEqualTo("medium");    // positions 5..19 < 20
        assertThat(levels[19]).isEqualTo("medium");
        assertThat(levels[20]).isEqualTo("small");
        assertThat(levels[99]).isEqualTo("small");
        assertThat(levels[100]).isEqualTo("inactive");
        assertThat(levels[101]).isEqualTo("inactive");
    }

    @Test
    void tiedCustomersShareTheBetterLevel() {
        // ten customers: top holds position 0 only (0.01 * 10 = 0.1), but the value of position 0 is shared by two;
        // medium ends before position 2 (0.20 * 10)
        var table = Tables.of("monetary", values(90, 90, 50, 40, 30, 20, 10, 9, 8, 7));
        String[] levels = CustomerPyramid.standard().classify(table).values();
        assertThat(levels).startsWith("top", "top", "small");
    }

    @Test
    void levelsAreConfigurable() {
        var pyramid = new CustomerPyramid("monetary", List.of(new Level(CustomerPyramid.TOP, 0.5)),
                CustomerPyramid.SMALL);
        assertThat(pyramid.classify(Tables.of("monetary", values(4, 3, 2, 1))).values())
                .containsExactly("top", "top", "small", "small");
    }
}
