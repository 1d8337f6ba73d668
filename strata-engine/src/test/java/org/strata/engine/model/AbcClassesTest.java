package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.engine.model.Tables.values;

import org.junit.jupiter.api.Test;

class AbcClassesTest {

    @Test
    void theCustomerWhoCrossesEightyPercentIsA() {
        // total 100: 50 (before 0%) A, 25 (before 50%) A, 10 (before 75%, crosses 80%) A, 6 (before 85%) B,
        // 5 (before 91%) B, 4 (before 96%) C
        var table = Tables.of("monetary", values(6, 50, 4, 25, 10, 5));
        assertThat(AbcClasses.byRevenue().classify(table).values()).containsExactly("b", "a", "c", "a", "a", "b");
    }

    @Test
    void tiedCustomersShareTheClassOfTheFirstOfThem() {
        // 40 A (0%); the three 20s start at 40% -> all A although the third starts at 80%
        var table = Tables.of("monetary", values(20, 40, 20, 20));
        assertThat(AbcClasses.byRevenue().classify(table).values()).containsExactly("a", "a", "a", "a");
    }

    @Test
    void nonPositiveValuesAreCAndUnknownMarginHasNoClass() {
        var table = Tables.of("margin", values(100, 0, -30, Double.NaN));
        assertThat(AbcClasses.byMargin().classify(table).values()).containsExactly("a", "c", "c", null);
    }

    @Test
    void sharesAreConfigurable() {
        var table = Tables.of("monetary", values(50, 30, 20));
        assertThat(new AbcClasses("monetary", 0.5, 0.3).classify(table).values()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> new AbcClasses("monetary", 0.9, 0.2)).hasMessageContaining("A + B <= 1");
    }

    @Test
    void aMissingFeatureIsNamed() {
        assertThatThrownBy(() -> AbcClasses.byMargin().classify(Tables.of("monetary", values(1))))
                .hasMessageContaining("margin");
    }
}
