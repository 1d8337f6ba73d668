package org.strata.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.model.RfmScoring;
import org.strata.engine.table.TextColumn;

class BatchScoreTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final CustomerIndex index = new CustomerIndex();
    final OrderColumns orders;

    BatchScoreTest() {
        OrderColumns.Builder builder = OrderColumns.builder();
        for (int c = 0; c < 50; c++) {
            int row = index.add("C" + c);
            for (int k = 0; k <= c % 5; k++) {
                builder.purchase(row, AS_OF.minusDays(3 + c * 7L + k * 11L), 100 + c * 13);
            }
        }
        index.add("prospect");
        orders = builder.build();
    }

    BatchScore.Result run(Presets preset, int bins) {
        return BatchScore.run(CustomerColumns.idsOnly(index), orders, null, AS_OF, ZONE, RfmScoring.quantiles(bins),
                preset.scheme());
    }

    @Test
    void outputStartsWithTheAgreedColumnsThenEveryOtherFeature() {
        BatchScore.Result result = run(Presets.RFM11, 5);
        assertThat(result.columns()).startsWith("recency_days", "frequency", "monetary", "r_score", "f_score",
                "m_score", "rfm_segment", "tier", "avg_order_value");
        assertThat(result.columns()).doesNotHaveDuplicates().containsAll(result.table().columns().keySet());
        TextColumn tier = (TextColumn) result.table().column("tier");
        TextColumn segment = (TextColumn) result.table().column("rfm_segment");
        assertThat(tier.values()).containsExactly(segment.values());
        assertThat(tier.values()[50]).isEqualTo("no_purchase");
    }

    @Test
    void everyPresetGivesEveryCustomerATierOfItsOwnSegments() {
        for (Presets preset : Presets.values()) {
            BatchScore.Result result = run(preset, 5);
            var keys = preset.scheme().tiers().stream().map(t -> t.key()).toList();
            assertThat(((TextColumn) result.table().column("tier")).values()).as(preset.key())
                    .doesNotContainNull().allMatch(keys::contains);
        }
        assertThat(run(Presets.RFM8, 5).columns()).contains("rfm8_class");
        assertThat(run(Presets.LIFECYCLE, 5).columns()).contains("lifecycle_stage");
    }

    @Test
    void otherBinsLeaveTheElevenSegmentMapOutAndRefuseItAsScheme() {
        BatchScore.Result result = run(Presets.ABC, 3);
        assertThat(((TextColumn) result.table().column("rfm_segment")).values()).containsOnlyNulls();
        assertThatThrownBy(() -> run(Presets.RFM11, 3)).hasMessageContaining("score with 5 bins");
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        assertThatThrownBy(() -> Presets.named("vip")).hasMessageContaining("rfm11, rfm8, abc, pyramid, lifecycle");
        assertThat(Presets.named(" RFM8 ")).isEqualTo(Presets.RFM8);
    }
}
