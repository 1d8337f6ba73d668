package org.strata.engine.rule.eval;

import org.junit.jupiter.api.Test;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RulePrinter;
import org.strata.engine.rule.RuleParser;
import org.strata.engine.rule.sql.SqlCompiler;
import org.strata.engine.rule.sql.SqlDialect;
import org.strata.engine.rule.sql.ColumnResolver;
import org.strata.engine.table.FeatureTable;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.rule.TestFeatures.rule;
import static org.strata.engine.rule.TestTables.numbers;
import static org.strata.engine.rule.TestTables.table;

class LargeRuleTest {

    @Test
    void theLongestAndDeepestRulesAllowedGoThroughEveryPassWithoutOverflowingTheStack() {
        String longest = "frequency > 0" + " and frequency > 1".repeat(990); // just under 4000 tokens
        String deepest = "(".repeat(98) + "frequency > 1" + ")".repeat(98);
        FeatureTable table = table(Map.of("frequency", numbers(0.0, 2.0)));
        for (String source : new String[] {longest, deepest}) {
            Rule rule = rule(source);
            // compared as text: a record's generated equals recurses too deeply for a 990-long chain of `and`
            String printed = RulePrinter.print(rule.expr());
            assertThat(RulePrinter.print(RuleParser.parse(printed).expr())).isEqualTo(printed);
            assertThat(CompiledRule.compile(rule).count(table, LocalDate.of(2026, 7, 1))).isEqualTo(1);
            assertThat(new RowEvaluator(rule).matches(table, 1, LocalDate.of(2026, 7, 1))).isTrue();
            assertThat(SqlCompiler.toSql(rule, SqlDialect.POSTGRES, ColumnResolver.table("c", "id",
                    new ColumnResolver.TagTable("t", "customer_id", "tag")), LocalDate.of(2026, 7, 1)).where())
                    .startsWith("(");
        }
    }
}
