package org.strata.engine.rule.eval;

import org.junit.jupiter.api.Test;
import org.strata.engine.rule.Rule;
import org.strata.engine.table.FeatureTable;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.engine.rule.TestFeatures.rule;
import static org.strata.engine.rule.TestTables.numbers;
import static org.strata.engine.rule.TestTables.sampleCustomers;
import static org.strata.engine.rule.TestTables.table;
import static org.strata.engine.rule.TestTables.texts;

class CompiledRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    private static final FeatureTable CUSTOMERS = table(sampleCustomers(AS_OF));

    private static List<Integer> matching(String source) {
        Rule rule = rule(source);
        BitSet vectorised = CompiledRule.compile(rule).matches(CUSTOMERS, AS_OF);
        RowEvaluator rows = new RowEvaluator(rule);
        List<Integer> expected = IntStream.range(0, CUSTOMERS.size()).filter(r -> rows.matches(CUSTOMERS, r, AS_OF))
                .boxed().toList();
        List<Integer> actual = vectorised.stream().boxed().toList();
        assertThat(actual).as("vectorised vs row-by-row for " + source).isEqualTo(expected);
        return actual;
    }

    @Test
    void theHighValueRuleFromTheGuide() {
        assertThat(matching("recency_days <= 30 and frequency >= 5 and monetary >= 10000")).containsExactly(0, 3);
    }

    @Test
    void aComparisonWithAMissingValueIsUnknownAndDoesNotMatch() {
        assertThat(matching("recency_days > 30")).containsExactly(1);
        assertThat(matching("not (recency_days > 30)")).containsExactly(0, 3);
        assertThat(matching("recency_days > 30 or recency_days is null")).containsExactly(1, 2);
        assertThat(matching("coalesce(recency_days, 9999) > 30")).containsExactly(1, 2);
    }

    @Test
    void falseAndUnknownIsFalseAndTrueOrUnknownIsTrue() {
        assertThat(matching("not (recency_days > 30 and frequency > 100)")).containsExactly(0, 1, 2, 3);
        assertThat(matching("recency_days > 30 or frequency = 0")).containsExactly(1, 2);
    }

    @Test
    void divisionByZeroIsNull() {
        assertThat(matching("monetary / frequency >= 400")).containsExactly(0, 1, 3);
        assertThat(matching("monetary / frequency is null")).containsExactly(2);
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertThat(matching("monetary - frequency * 1000 > 0")).containsExactly(0, 3);
        assertThat(matching("-frequency < -4")).containsExactly(0, 3);
        assertThat(matching("abs(frequency - 5) <= 3 and min(frequency, 3) = 2 and max(frequency, 3) = 3"))
                .containsExactly(1);
    }

    @Test
    void betweenIncludesBothEnds() {
        assertThat(matching("recency_days between 3 and 30")).containsExactly(0, 3);
        assertThat(matching("recency_days not between 4 and 29")).containsExactly(0, 1, 3);
    }

    @Test
    void inAndNotInSkipMissingValues() {
        assertThat(matching("region in ('华东', '华北')")).containsExactly(0);
        assertThat(matching("region not in ('华东', '华北')")).containsExactly(1, 3);
        assertThat(matching("frequency in (0, 5)")).containsExactly(2, 3);
    }

    @Test
    void textMatchingIsLiteralAndCaseSensitive() {
        assertThat(matching("region contains '上海'")).containsExactly(3);
        assertThat(matching("region starts_with '华东'")).containsExactly(0, 3);
        assertThat(matching("region contains ''")).containsExactly(0, 1, 3);
    }

    @Test
    void booleanFeaturesAreUsableBare() {
        assertThat(matching("is_company")).containsExactly(3);
        assertThat(matching("not is_company")).containsExactly(0, 2);
        assertThat(matching("is_company = false or is_company is null")).containsExactly(0, 1, 2);
        assertThat(matching("coalesce(is_company, true)")).containsExactly(1, 3);
    }

    @Test
    void dateHelpersUseTheAsOfDate() {
        assertThat(matching("days_since(last_order_date) <= 30")).containsExactly(0, 3);
        assertThat(matching("last_order_date >= today() - 30")).containsExactly(0, 3);
        assertThat(matching("last_order_date > date('2026-06-01')")).containsExactly(0);
        assertThat(matching("days_between(first_order_date, last_order_date) > 300")).containsExactly(0, 1);
        assertThat(matching("today() - 30 <= last_order_date")).containsExactly(0, 3);
    }

    @Test
    void tagTests() {
        assertThat(matching("has_tag('vip')")).containsExactly(0, 3);
        assertThat(matching("has_tag(tags, 'vip') and not has_tag('key_account')")).containsExactly(0);
        assertThat(matching("has_tag('nobody_has_this')")).isEmpty();
    }

    @Test
    void countAndSampleAgreeWithMatches() {
        CompiledRule rule = CompiledRule.compile(rule("frequency >= 2"));
        assertThat(rule.count(CUSTOMERS, AS_OF)).isEqualTo(3);
        assertThat(rule.sample(CUSTOMERS, AS_OF, 2)).containsExactly(0, 1);
        assertThat(rule.sample(CUSTOMERS, AS_OF, 10)).containsExactly(0, 1, 3);
    }

    @Test
    void wordBoundariesAreExact() {
        for (int size : new int[] {0, 1, 63, 64, 65, 127, 128, 129}) {
            Double[] values = IntStream.range(0, size).mapToObj(i -> i % 3 == 0 ? null : (double) i)
                    .toArray(Double[]::new);
            FeatureTable table = table(Map.of("frequency", numbers(values)));
            CompiledRule rule = CompiledRule.compile(rule("frequency >= 0 or frequency < 0"));
            long expected = IntStream.range(0, size).filter(i -> i % 3 != 0).count();
            assertThat(rule.count(table, AS_OF)).as("size " + size).isEqualTo(expected);
            assertThat(CompiledRule.compile(rule("not (frequency > -1)")).count(table, AS_OF)).isZero();
            assertThat(CompiledRule.compile(rule("frequency is null")).count(table, AS_OF)).isEqualTo(size - expected);
        }
    }

    @Test
    void aFeatureMissingFromTheTableFailsTheEvaluationAndSaysWhich() {
        FeatureTable table = table(Map.of("frequency", numbers(1.0)));
        assertThatThrownBy(() -> CompiledRule.compile(rule("monetary > 1")).count(table, AS_OF))
                .hasMessageContaining("monetary");
        FeatureTable wrongType = table(Map.of("monetary", texts("x")));
        assertThatThrownBy(() -> CompiledRule.compile(rule("monetary > 1")).count(wrongType, AS_OF))
                .hasMessageContaining("feature `monetary` is declared as number but the feature table holds a"
                        + " TextColumn");
    }
}
