package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.feature.FeatureComputer;
import org.strata.engine.model.LifecycleStages.Config;
import org.strata.engine.model.LifecycleStages.Thresholds;
import org.strata.engine.table.FeatureTable;

class LifecycleStagesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    /** Each customer's purchases as days before the as-of date. */
    static FeatureTable customers(int[]... daysAgo) {
        CustomerIndex index = new CustomerIndex();
        OrderColumns.Builder orders = OrderColumns.builder();
        for (int c = 0; c < daysAgo.length; c++) {
            int row = index.add("c" + c);
            for (int days : daysAgo[c]) {
                orders.purchase(row, AS_OF.minusDays(days), 10);
            }
        }
        return FeatureComputer.compute(CustomerColumns.idsOnly(index), orders.build(), null, AS_OF,
                ZoneId.of("Asia/Shanghai"));
    }

    static String[] stages(LifecycleStages model, int[]... daysAgo) {
        return model.classify(customers(daysAgo)).values();
    }

    @Test
    void absoluteThresholdsGiveEveryStage() {
        var model = new LifecycleStages(new Config(Thresholds.ABSOLUTE, 90, 365, 3, 180, 365, 2, 4, 30));
        assertThat(stages(model,
                new int[] {},                  // no purchase
                new int[] {20},                // first purchase 20 days ago
                new int[] {200, 100, 10},      // bought for 200 days, recently
                new int[] {700, 400, 340},     // first purchase 700 days ago, 3 purchases, no long gap
                new int[] {500, 200},          // last purchase 200 days ago (> 180)
                new int[] {400},               // last purchase 400 days ago (> 365)
                new int[] {600, 20},           // came back after a 580-day gap
                new int[] {500, 100, 95}))     // came back 100 days ago: no longer "reactivated"
                .containsExactly("prospect", "new", "active", "dormant", "dormant", "churned", "reactivated",
                        "mature");
        // a 370-day gap (> 365) before a purchase 30 days ago: reactivated, not mature
        assertThat(stages(model, new int[] {700, 400, 30})).containsExactly("reactivated");
        assertThat(stages(model, new int[] {700, 500, 300, 30})).containsExactly("mature");
    }

    @Test
    void boundariesAreInclusiveOfTheThreshold() {
        var model = new LifecycleStages(new Config(Thresholds.ABSOLUTE, 90, 365, 3, 180, 365, 2, 4, 30));
        assertThat(stages(model, new int[] {180}, new int[] {181}, new int[] {365}, new int[] {366},
                new int[] {90}, new int[] {91}))
                .containsExactly("active", "dormant", "dormant", "churned", "new", "active");
    }

    @Test
    void relativeThresholdsFollowTheCustomersOwnRhythm() {
        var model = LifecycleStages.standard(); // dormant after 2x, churned after 4x the average interval, >= 30
        assertThat(stages(model,
                new int[] {100, 80, 60},         // average 20, silent for 60 > 2 x 20 (40): dormant
                new int[] {300, 250, 200, 180},  // average 40, silent for 180 > 4 x 40: churned
                new int[] {55, 45, 35, 25},      // average 10, silent for 25 > 2 x 10 but not > the 30-day floor
                new int[] {100}))                // a single purchase: absolute thresholds, 100 <= 180
                .containsExactly("dormant", "churned", "new", "active");
        var absolute = new LifecycleStages(new Config(Thresholds.ABSOLUTE, 90, 365, 3, 180, 365, 2, 4, 30));
        assertThat(stages(absolute, new int[] {100, 80, 60})).containsExactly("active");
    }

    @Test
    void reactivationIsMeasuredAgainstTheRhythmBeforeTheGap() {
        var model = LifecycleStages.standard();
        // every 10 days, then 200 days silent, then a purchase 5 days ago: gap 200 > 4 x 10 (floor 30)
        assertThat(stages(model, new int[] {235, 225, 215, 205, 5})).containsExactly("reactivated");
    }
}
