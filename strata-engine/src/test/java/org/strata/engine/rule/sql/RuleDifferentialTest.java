package org.strata.engine.rule.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.engine.rule.Expr;
import org.strata.engine.rule.RandomRules;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleCheck;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.RuleParser;
import org.strata.engine.rule.RulePrinter;
import org.strata.engine.rule.eval.CompiledRule;
import org.strata.engine.rule.eval.RowEvaluator;
import org.strata.engine.table.FeatureTable;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The two back ends must agree exactly: thousands of random well-typed rules over random data sets, each evaluated
 * column-wise in memory, row by row, and as SQL on H2 and on a real PostgreSQL; all four must select the same rows.
 * Every rule also goes through the printer and the parser, so the canonical text round-trips too.
 * Reproduce a failure with {@code -Drules.seed=<seed>} (the message gives it); {@code -Drules.datasets} and
 * {@code -Drules.perDataset} scale the run.
 */
class RuleDifferentialTest {

    private static final long SEED = Long.getLong("rules.seed", 20260701L);
    private static final int DATASETS = Integer.getInteger("rules.datasets", 30);
    private static final int RULES_PER_DATASET = Integer.getInteger("rules.perDataset", 100);

    private static RuleDatabase h2;
    private static RuleDatabase postgres;

    @BeforeAll
    static void start() throws SQLException {
        h2 = RuleDatabase.h2();
        postgres = RuleDatabase.postgres();
    }

    @AfterAll
    static void stop() throws SQLException {
        h2.close();
        postgres.close();
    }

    @Test
    void inMemoryRowByRowH2AndPostgresSelectExactlyTheSameRows() throws SQLException {
        int checked = 0;
        long matchedSomething = 0;
        for (int dataset = 0; dataset < DATASETS; dataset++) {
            long seed = SEED + dataset;
            Random random = new Random(seed);
            LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            FeatureTable table = RandomRules.randomTable(random, asOf);
            h2.load(table, RandomRules.CATALOG);
            postgres.load(table, RandomRules.CATALOG);
            RandomRules rules = new RandomRules(random, table, asOf);
            for (int n = 0; n < RULES_PER_DATASET; n++) {
                Expr generated = rules.condition(1 + random.nextInt(4));
                String text = RulePrinter.print(generated);
                String where = "seed " + seed + " (run with -Drules.seed=" + seed + " -Drules.datasets=1), rule #" + n
                        + ", " + table.size() + " rows, as of " + asOf + ":\n  " + text;
                assertThat(RuleParser.parse(text).expr()).as("printed text parses back to the tree: " + where)
                        .isEqualTo(generated);
                RuleCheck check = RuleChecker.check(text, RandomRules.CATALOG);
                if (!check.isValid()) {
                    fail("the generator made a rule the checker rejects, " + where + "\n" + check.diagnostics());
                }
                Rule rule = check.orThrow();
                BitSet vectorised = CompiledRule.compile(rule).matches(table, asOf);
                RowEvaluator row = new RowEvaluator(rule);
                BitSet rowByRow = new BitSet();
                IntStream.range(0, table.size()).filter(i -> row.matches(table, i, asOf)).forEach(rowByRow::set);
                SqlRule h2Sql = SqlCompiler.toSql(rule, SqlDialect.H2, RuleDatabase.RESOLVER, asOf);
                SqlRule pgSql = SqlCompiler.toSql(rule, SqlDialect.POSTGRES, RuleDatabase.RESOLVER, asOf);
                BitSet onH2 = run(h2, h2Sql, where);
                BitSet onPostgres = run(postgres, pgSql, where);
                agree(table, where, "row-by-row", rowByRow, vectorised, null);
                agree(table, where, "H2", onH2, vectorised, h2Sql);
                agree(table, where, "PostgreSQL", onPostgres, vectorised, pgSql);
                matchedSomething += vectorised.isEmpty() || vectorised.cardinality() == table.size() ? 0 : 1;
                checked++;
            }
        }
        assertThat(checked).isEqualTo(DATASETS * RULES_PER_DATASET);
        // a generator whose rules all match nothing or everything would prove little
        assertThat(matchedSomething).as("rules that split their data set").isGreaterThan(checked / 4);
    }

    private static BitSet run(RuleDatabase database, SqlRule sql, String where) {
        try {
            return database.matches(sql);
        } catch (SQLException e) {
            throw new AssertionError(database.dialect() + " rejected the compiled rule, " + where + "\n  SQL: "
                    + sql.where() + "\n  parameters: " + sql.parameters(), e);
        }
    }

    private static void agree(FeatureTable table, String where, String backEnd, BitSet actual, BitSet vectorised,
                              SqlRule sql) {
        if (actual.equals(vectorised)) {
            return;
        }
        StringBuilder message = new StringBuilder(backEnd + " disagrees with the vectorised evaluation, " + where);
        if (sql != null) {
            message.append("\n  SQL: ").append(sql.where()).append("\n  parameters: ").append(sql.parameters());
        }
        message.append("\n  vectorised: ").append(vectorised).append("\n  ").append(backEnd).append(": ").append(actual);
        RandomRules.difference(actual, vectorised).stream().limit(5)
                .forEach(r -> message.append("\n  ").append(RandomRules.describeRow(table, r)));
        fail(message.toString());
    }
}
