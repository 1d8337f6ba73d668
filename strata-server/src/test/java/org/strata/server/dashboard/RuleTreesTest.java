package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.engine.rule.RuleParser;
import org.strata.engine.rule.RulePrinter;

class RuleTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "recency_days <= 30 and frequency >= 5 and monetary >= 10000",
            "region = '华东' or (frequency > 2 and monetary_365d >= 5000)",
            "frequency between 2 and 5 and region in ('华东', '华南')",
            "recency_days is null or monetary * 2 > 100",
            "not has_tag('vip')"})
    void textToTreeToTextGivesTheCanonicalText(String rule) {
        String canonical = RulePrinter.print(RuleParser.parse(rule).expr());
        RuleTree tree = RuleTrees.of(RuleParser.parse(rule).expr());
        assertThat(RuleTrees.text(tree)).isEqualTo(canonical);
    }

    @Test
    void andChainsBecomeOneGroupAndComparisonsWithConstantsBecomeConditions() {
        RuleTree tree = RuleTrees.of(RuleParser.parse("a >= 1 and b = 'x' and (c < 2 or d > 3)").expr());
        assertThat(tree).isEqualTo(new RuleTree.Group("and", List.of(
                new RuleTree.Condition("a", ">=", "1"),
                new RuleTree.Condition("b", "=", "'x'"),
                new RuleTree.Group("or", List.of(new RuleTree.Condition("c", "<", "2"),
                        new RuleTree.Condition("d", ">", "3"))))));
    }

    @Test
    void aBuilderValueThatIsNotRuleSyntaxIsReportedWithItsPlaceInTheTree() {
        RuleTree tree = new RuleTree.Group("and", List.of(new RuleTree.Condition("a", ">=", "1"),
                new RuleTree.Condition("b", "=", "'unclosed")));
        assertThatThrownBy(() -> RuleTrees.text(tree)).isInstanceOf(InvalidDashboardQueryException.class)
                .hasMessageStartingWith("/items/1/value: ");
    }
}
