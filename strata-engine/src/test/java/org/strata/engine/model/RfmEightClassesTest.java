package org.strata.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.model.Tables.values;

import org.junit.jupiter.api.Test;
import org.strata.engine.model.RfmEightClasses.Baseline;
import org.strata.engine.table.FeatureTable;

class RfmEightClassesTest {

    /**
     * Eight customers, one per class. Means: recency 50, frequency 5, monetary 1000. R high = recency below 50.
     */
    final FeatureTable table = Tables.of(
            "recency_days", values(10, 10, 90, 90, 10, 10, 90, 90, Double.NaN),
            "frequency", values(9, 1, 9, 1, 9, 1, 9, 1, 0),
            "monetary", values(1900, 1900, 1900, 1900, 100, 100, 100, 100, 0));

    @Test
    void everyClassFollowsTheDefinitionsTable() {
        assertThat(RfmEightClasses.byMean().classify(table).values()).containsExactly(
                "important_value",    // R high, F high, M high: 重要价值
                "important_develop",  // R high, F low,  M high: 重要发展
                "important_keep",     // R low,  F high, M high: 重要保持
                "important_retain",   // R low,  F low,  M high: 重要挽留
                "general_value",      // R high, F high, M low:  一般价值
                "general_develop",    // R high, F low,  M low:  一般发展
                "general_keep",       // R low,  F high, M low:  一般保持
                "general_retain",     // R low,  F low,  M low:  一般挽留
                "no_purchase");
    }

    @Test
    void frequentButLapsedBigSpenderIsToKeepNotValue() {
        // the widely copied snippet swaps 价值 and 保持: R low, F high, M high must be 重要保持
        assertThat(RfmEightClasses.classOf(false, true, true).labelZh()).isEqualTo("重要保持客户");
        assertThat(RfmEightClasses.classOf(true, true, true).labelZh()).isEqualTo("重要价值客户");
        assertThat(RfmEightClasses.classOf(false, true, false).labelZh()).isEqualTo("一般保持客户");
        assertThat(RfmEightClasses.classOf(true, true, false).labelZh()).isEqualTo("一般价值客户");
    }

    @Test
    void labelsOfTheEightClasses() {
        assertThat(new RfmEightClasses(Baseline.MEAN).segments()).extracting(Segment::labelZh).startsWith(
                "重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户",
                "一般挽留客户");
    }

    @Test
    void aValueEqualToTheBaselineIsLow() {
        FeatureTable even = Tables.of("recency_days", values(10, 30, 20), "frequency", values(1, 3, 2),
                "monetary", values(10, 30, 20));
        // means 20, 2, 20: the third customer equals every mean, so is low on all three
        assertThat(RfmEightClasses.byMean().classify(even).values()[2]).isEqualTo("general_retain");
    }

    @Test
    void medianBaselineIsRobustToOneHugeCustomer() {
        FeatureTable skewed = Tables.of("recency_days", values(10, 20, 30, 40, 50),
                "frequency", values(1, 2, 3, 4, 500), "monetary", values(10, 20, 30, 40, 1_000_000));
        // by the mean (F 102, M 200020) only the giant is high on F and M; by the median (3, 30) the 4th is too
        assertThat(RfmEightClasses.byMean().classify(skewed).values()[3]).isEqualTo("general_retain");
        assertThat(new RfmEightClasses(Baseline.MEDIAN).classify(skewed).values()[3]).isEqualTo("important_keep");
    }
}
