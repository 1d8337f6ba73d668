package org.strata.engine.scheme;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeEvaluationTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    static final FeatureCatalog CATALOG = new FeatureCatalog(List.of(
            feature("monetary_365d", FeatureType.NUMBER), feature("recency_days", FeatureType.NUMBER),
            feature("refund_count", FeatureType.NUMBER), feature("monetary_90d", FeatureType.NUMBER),
            feature("monetary_prev_90d", FeatureType.NUMBER), feature("customer_type", FeatureType.TEXT)));

    static FeatureDefinition feature(String name, FeatureType type) {
        return new FeatureDefinition(name, type, "", name, name, name);
    }

    /** Five B2B customers whose tiers are checked by hand against the preset's thresholds. */
    static FeatureTable b2bCustomers() {
        BitSet nulls = new BitSet();
        nulls.set(4);
        return new FeatureTable(new String[] {"big", "edge_a", "mid", "dist", "nobody"}, Map.<String, Column>of(
                "monetary_365d", new NumberColumn(new double[] {8_000_000, 5_000_000, 4_999_999.99, 300_000, 0},
                        nulls),
                "customer_type", new TextColumn(new String[] {"distributor", null, "end_customer", "distributor",
                        null})));
    }

    @Test
    void firstMatchingTierWinsAndTheRestFallToTheDefaultTier() {
        CompiledScheme scheme = CompiledScheme.compile(SchemePresets.find("b2b_manufacturing").orElseThrow(),
                ConditionCompiler.ruleLanguage(CATALOG));

        Placement placement = scheme.evaluate(b2bCustomers(), AS_OF);

        // a distributor buying 8M is A, not C: the A rule comes first; exactly 5M is A (>=); a null spend is D
        assertThat(List.of(placement.tierKey(0), placement.tierKey(1), placement.tierKey(2), placement.tierKey(3),
                placement.tierKey(4))).containsExactly("a", "a", "b", "c", "d");
        assertThat(placement.counts()).containsExactly(Map.entry("a", 2), Map.entry("b", 1), Map.entry("c", 1),
                Map.entry("d", 1));
    }

    @Test
    void whyHoldsTheValuesOfTheFeaturesTheDecidingRuleReads() {
        Placement placement = CompiledScheme.compile(SchemePresets.find("b2b_manufacturing").orElseThrow(),
                ConditionCompiler.ruleLanguage(CATALOG)).evaluate(b2bCustomers(), AS_OF);

        assertThat(placement.why(0)).containsExactly(Map.entry("monetary_365d", 8_000_000L));
        assertThat(placement.why(2)).containsExactly(Map.entry("monetary_365d", 4_999_999.99));
        assertThat(placement.why(3)).containsOnlyKeys("customer_type").containsEntry("customer_type", "distributor");
        // the default tier is explained by every rule having failed
        assertThat(placement.why(4)).containsOnlyKeys("monetary_365d", "customer_type")
                .containsEntry("monetary_365d", null);
    }

    @Test
    void onlyTheFirstMatchingTagOfAnExclusiveGroupIsKept() {
        TieringScheme scheme = new TieringScheme("trend", "趋势", "Trend", "", List.of(
                new Tier("any", "全部", "All", "", "recency_days >= 0", "")),
                Tier.fallback("rest", "其他", "Rest", "", ""),
                List.of(new TagDefinition("big", "大", "Big", "monetary_90d >= 100"),
                        new TagDefinition("growing", "增长", "Growing", "monetary_90d > monetary_prev_90d"),
                        new TagDefinition("manual_vip", "手工", "Manual", null)),
                List.of(new TagGroup("trend", "趋势", "Trend", List.of("big", "growing"))), null);
        FeatureTable table = new FeatureTable(new String[] {"c1", "c2", "c3"}, Map.<String, Column>of(
                "recency_days", NumberColumn.of(1, 2, 3),
                "monetary_90d", NumberColumn.of(500, 50, 10),
                "monetary_prev_90d", NumberColumn.of(10, 10, 10)));

        Placement placement = CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(CATALOG))
                .evaluate(table, AS_OF);

        assertThat(placement.tags(0)).containsExactly("big");
        assertThat(placement.tags(1)).containsExactly("growing");
        assertThat(placement.tags(2)).isEmpty();
        assertThat(placement.tagRows()).doesNotContainKey("manual_vip");
    }

    @Test
    void everyBadRuleIsReportedWithItsTierAndLineAndColumn() {
        TieringScheme scheme = new TieringScheme("bad", "坏", "Bad", "", List.of(
                new Tier("vip", "贵宾", "VIP", "", "monetery_365d >= 100", ""),
                new Tier("ok", "好", "OK", "", "recency_days <= 30", ""),
                new Tier("odd", "怪", "Odd", "", "recency_days <= 30 and\n  customer_type > 3", "")),
                Tier.fallback("rest", "其他", "Rest", "", ""), null, null, null);

        assertThatThrownBy(() -> CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(CATALOG)))
                .isInstanceOfSatisfying(SchemeException.class, e -> {
                    assertThat(e.problems()).extracting(SchemeProblem::part).containsExactly("tier vip", "tier odd");
                    assertThat(e.problems().get(0)).satisfies(p -> {
                        assertThat(p.line()).isEqualTo(1);
                        assertThat(p.column()).isEqualTo(1);
                        assertThat(p.suggestion()).isEqualTo("monetary_365d");
                    });
                    assertThat(e.problems().get(1).line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("scheme bad, tier vip, rule 1:1");
                });
    }

    @Test
    void aRuleOverAFeatureTheTableLacksFailsTheWholeEvaluationNamingTheTier() {
        CompiledScheme scheme = CompiledScheme.compile(SchemePresets.find("b2b_manufacturing").orElseThrow(),
                ConditionCompiler.ruleLanguage(CATALOG));
        FeatureTable withoutType = new FeatureTable(new String[] {"x"}, Map.<String, Column>of(
                "monetary_365d", NumberColumn.of(10)));

        assertThatThrownBy(() -> scheme.evaluate(withoutType, AS_OF))
                .isInstanceOfSatisfying(SchemeException.class, e -> assertThat(e.problems().get(0))
                        .satisfies(p -> {
                            assertThat(p.part()).isEqualTo("tier c");
                            assertThat(p.column()).isEqualTo(1);
                            assertThat(p.message().english()).contains("customer_type");
                        }));
    }

    @Test
    void positionOfAFeatureCountsLinesAndColumnsFromOne() {
        assertThat(RuleText.position("a > 1 and\n   frequency >= 2", "frequency")).containsExactly(2, 4);
        assertThat(RuleText.position("frequency_30d > 1 or frequency > 2", "frequency"))
                .containsExactly(1, 22);
    }
}
