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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.rule.TestFeatures.rule;
import static org.strata.engine.rule.TestTables.numbers;
import static org.strata.engine.rule.TestTables.table;

class LargeRuleTest {

    /**
     * Three eighths of the 1 MB a request thread gets by default, on a fresh thread whose frames are still
     * interpreted (the large kind): the passes must stay well clear of the limit, not merely pass on a warm JIT.
     * Chains recursing once per `and` overflowed this even in the checker; nesting now bounds the depth.
     */
    private static final long SMALL_STACK_BYTES = 384 * 1024;

    @Test
    void theLongestAndDeepestRulesAllowedGoThroughEveryPassOnThreeEighthsOfTheDefaultStack() throws Exception {
        String longest = "frequency > 0" + " and frequency > 1".repeat(990); // just under 4000 tokens
        String deepest = "(".repeat(98) + "frequency > 1" + ")".repeat(98);
        String mixed = "frequency > 0" + " or frequency > 1 and frequency > 2".repeat(495);
        String nestedConditions = "frequency > 0 and (".repeat(97) + "frequency > 1" + ")".repeat(97);
        // the most arithmetic allowed (200 operators), inside the deepest nesting
        String arithmetic = "(".repeat(98) + "frequency" + " + 1".repeat(100) + " - 1".repeat(100) + " > 1"
                + ")".repeat(98);
        FeatureTable table = table(Map.of("frequency", numbers(0.0, 2.0)));
        onASmallStack(() -> {
            for (String source : new String[] {longest, deepest, mixed, nestedConditions, arithmetic}) {
                Rule rule = rule(source);
                String printed = RulePrinter.print(rule.expr());
                assertThat(RuleParser.parse(printed).expr()).isEqualTo(rule.expr());
                assertThat(RulePrinter.print(RuleParser.parse(printed).expr())).isEqualTo(printed);
                assertThat(CompiledRule.compile(rule).count(table, LocalDate.of(2026, 7, 1))).isEqualTo(1);
                assertThat(new RowEvaluator(rule).matches(table, 1, LocalDate.of(2026, 7, 1))).isTrue();
                assertThat(SqlCompiler.toSql(rule, SqlDialect.POSTGRES, ColumnResolver.table("c", "id",
                        new ColumnResolver.TagTable("t", "customer_id", "tag")), LocalDate.of(2026, 7, 1)).where())
                        .startsWith("(");
            }
        });
    }

    private static void onASmallStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable t) { // StackOverflowError included: it is the failure this test exists to catch
                failure.set(t);
            }
        }, "small-stack", SMALL_STACK_BYTES);
        thread.start();
        thread.join();
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() instanceof RuntimeException exception) {
            throw exception;
        }
    }
}
