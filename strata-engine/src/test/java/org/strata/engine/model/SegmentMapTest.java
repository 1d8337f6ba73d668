package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.engine.model.Tables.values;

import org.junit.jupiter.api.Test;
import org.strata.engine.table.TextColumn;

class SegmentMapTest {

    final SegmentMap map = SegmentMap.rfm11();

    @Test
    void theFirstMatchingRowWinsInThePublishedOrder() {
        assertThat(map.match(5, 5, 5).key()).isEqualTo("champions");
        assertThat(map.match(3, 4, 4).key()).isEqualTo("loyal_customers");
        assertThat(map.match(4, 1, 1).key()).isEqualTo("potential_loyalist"); // before new_customers
        assertThat(map.match(2, 2, 2).key()).isEqualTo("need_attention");
        assertThat(map.match(3, 1, 2).key()).isEqualTo("potential_loyalist");
        assertThat(map.match(2, 1, 1).key()).isEqualTo("about_to_sleep");
        assertThat(map.match(1, 5, 5).key()).isEqualTo("at_risk"); // before cant_lose_them
        assertThat(map.match(1, 1, 1).key()).isEqualTo("hibernating"); // before lost
        assertThat(map.match(5, 1, 5).key()).isEqualTo("others");
        assertThat(map.segments()).extracting(Segment::key).contains("others", "no_purchase");
    }

    @Test
    void thePublishedOrderLeavesFourSegmentsUnreachable() {
        assertThat(map.unreachableSegments()).extracting(Segment::key)
                .containsExactly("new_customers", "promising", "cant_lose_them", "lost");
    }

    @Test
    void aReorderedMapOfOurOwnReachesEverySegment() {
        SegmentMap own = SegmentMap.parse("""
                bins 5
                new_customers | 新客户 | New | 4-5 | 1 | 1
                champions | 冠军客户 | Champions | 4-5 | 4-5 | 4-5
                others | 其他 | Others
                """, "own.txt");
        assertThat(own.match(5, 1, 1).key()).isEqualTo("new_customers");
        assertThat(own.unreachableSegments()).isEmpty();
    }

    @Test
    void classifyUsesScoresAndGivesCustomersWithoutScoresNoPurchase() {
        TextColumn segments = map.classify(Tables.of("r_score", values(5, 1, Double.NaN),
                "f_score", values(5, 5, Double.NaN), "m_score", values(4, 5, Double.NaN)));
        assertThat(segments.values()).containsExactly("champions", "at_risk", "no_purchase");
    }

    @Test
    void mapErrorsNameTheLine() {
        assertThatThrownBy(() -> SegmentMap.parse("bins 5\nx | x | x | 4-6 | 1 | 1\ny | y | y", "m.txt"))
                .hasMessageContaining("m.txt line 2 column R").hasMessageContaining("4-6");
        assertThatThrownBy(() -> SegmentMap.parse("bins 5\nx | x | x | 4-5 | 1 | 1", "m.txt"))
                .hasMessageContaining("last row");
        assertThatThrownBy(() -> SegmentMap.parse("x | x | x | 4-5 | 1 | 1\ny | y | y", "m.txt"))
                .hasMessageContaining("line 1").hasMessageContaining("bins 5");
    }
}
