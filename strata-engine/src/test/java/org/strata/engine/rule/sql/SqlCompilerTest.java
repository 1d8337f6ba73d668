package org.strata.engine.rule.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.strata.engine.feature.FeatureType;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.TestFeatures;
import org.strata.engine.rule.eval.CompiledRule;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.engine.rule.TestFeatures.rule;
import static org.strata.engine.rule.TestTables.sampleCustomers;
import static org.strata.engine.rule.TestTables.table;
import static org.strata.engine.rule.TestTables.tags;
import static org.strata.engine.rule.TestTables.texts;

class SqlCompilerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    private static final Map<SqlDialect, RuleDatabase> DATABASES = new EnumMap<>(SqlDialect.class);

    private static final FeatureTable CUSTOMERS = table(columns());

    /** The sample customers, with hostile text where a value could be mistaken for SQL. */
    private static Map<String, Column> columns() {
        Map<String, Column> columns = sampleCustomers(AS_OF);
        columns.put("region", texts("华东", "x' or 1=1 --", "a'); drop table customer_features; --", "50%_off"));
        columns.put("tags", tags(List.of(Set.of("vip"), Set.of("x' or '1'='1"), Set.of(), Set.of("vip"))));
        return columns;
    }

    @BeforeAll
    static void load() throws SQLException {
        DATABASES.put(SqlDialect.H2, RuleDatabase.h2());
        DATABASES.put(SqlDialect.POSTGRES, RuleDatabase.postgres());
        for (RuleDatabase database : DATABASES.values()) {
            database.load(CUSTOMERS, TestFeatures.CATALOG);
        }
    }

    @AfterAll
    static void close() throws SQLException {
        for (RuleDatabase database : DATABASES.values()) {
            database.close();
        }
    }

    private static SqlRule sql(String source, SqlDialect dialect) {
        return SqlCompiler.toSql(rule(source), dialect, RuleDatabase.RESOLVER, AS_OF);
    }

    /** Runs the rule on the database and checks it selects what the in-memory back end matches. */
    private static List<Integer> selected(String source, SqlDialect dialect) throws SQLException {
        Rule rule = rule(source);
        BitSet fromSql = DATABASES.get(dialect).matches(SqlCompiler.toSql(rule, dialect, RuleDatabase.RESOLVER, AS_OF));
        assertThat(fromSql).as(source).isEqualTo(CompiledRule.compile(rule).matches(CUSTOMERS, AS_OF));
        return fromSql.stream().boxed().toList();
    }

    @Test
    void theGuidesRuleBecomesParameterisedSqlWithQuotedColumnsAndOneBracketPerChain() {
        SqlRule sql = sql("recency_days <= 30 and frequency >= 5 and monetary >= 10000", SqlDialect.POSTGRES);
        assertThat(sql.where()).isEqualTo("((CAST(\"c\".\"recency_days\" AS DOUBLE PRECISION)"
                + " <= CAST(? AS DOUBLE PRECISION)) AND (CAST(\"c\".\"frequency\" AS DOUBLE PRECISION)"
                + " >= CAST(? AS DOUBLE PRECISION)) AND (CAST(\"c\".\"monetary\" AS DOUBLE PRECISION)"
                + " >= CAST(? AS DOUBLE PRECISION)))");
        assertThat(sql.parameters()).containsExactly(30.0, 5.0, 10000.0);
    }

    @Test
    void dateArithmeticDiffersByDialectAndTodayIsTheAsOfParameter() {
        String source = "days_since(last_order_date) <= 30 or last_order_date >= today() - 7";
        assertThat(sql(source, SqlDialect.POSTGRES).where()).isEqualTo(
                "((CAST((CAST(? AS DATE) - \"c\".\"last_order_date\") AS DOUBLE PRECISION)"
                        + " <= CAST(? AS DOUBLE PRECISION)) OR (\"c\".\"last_order_date\""
                        + " >= (CAST(? AS DATE) + CAST(? AS INTEGER))))");
        assertThat(sql(source, SqlDialect.POSTGRES).parameters()).containsExactly(AS_OF, 30.0, AS_OF, -7);
        assertThat(sql(source, SqlDialect.H2).where()).isEqualTo(
                "((CAST(DATEDIFF(DAY, \"c\".\"last_order_date\", CAST(? AS DATE)) AS DOUBLE PRECISION)"
                        + " <= CAST(? AS DOUBLE PRECISION)) OR (\"c\".\"last_order_date\""
                        + " >= DATEADD(DAY, CAST(? AS INTEGER), CAST(? AS DATE))))");
        assertThat(sql(source, SqlDialect.H2).parameters()).containsExactly(AS_OF, 30.0, -7, AS_OF);
    }

    @Test
    void divisionGuardsAgainstZeroAndTagsUseTheTagTable() {
        assertThat(sql("monetary / frequency > 1", SqlDialect.H2).where()).contains(
                " / NULLIF(CAST(\"c\".\"frequency\" AS DOUBLE PRECISION), 0))");
        assertThat(sql("has_tag('vip')", SqlDialect.POSTGRES).where()).isEqualTo(
                "(EXISTS (SELECT 1 FROM \"customer_tags\" strata_tag WHERE strata_tag.\"customer_id\" = \"c\".\"id\""
                        + " AND strata_tag.\"tag\" = CAST(? AS VARCHAR)))");
    }

    @Test
    void textMatchingEscapesLikeWildcardsInTheParameter() {
        SqlRule sql = sql("region contains '50%_off' and region starts_with 'a!\\\\b'", SqlDialect.H2);
        assertThat(sql.where()).endsWith(" LIKE CAST(? AS VARCHAR) ESCAPE '!'))");
        assertThat(sql.parameters()).containsExactly("%50!%!_off%", "a!!\\b%");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void rulesSelectTheSameRowsAsInMemory(SqlDialect dialect) throws SQLException {
        assertThat(selected("recency_days <= 30 and frequency >= 5 and monetary >= 10000", dialect))
                .containsExactly(0, 3);
        assertThat(selected("recency_days > 30 or recency_days is null", dialect)).containsExactly(1, 2);
        assertThat(selected("monetary / frequency is null", dialect)).containsExactly(2);
        assertThat(selected("days_since(last_order_date) between 3 and 30", dialect)).containsExactly(0, 3);
        assertThat(selected("last_order_date >= today() - 30", dialect)).containsExactly(0, 3);
        assertThat(selected("has_tag('vip') and not is_company", dialect)).containsExactly(0);
        assertThat(selected("region contains '%_'", dialect)).containsExactly(3);
        assertThat(selected("region contains '_'", dialect)).containsExactly(2, 3);
        assertThat(selected("min(frequency, 3) = 3 and max(frequency, 3) > 3", dialect)).containsExactly(0, 3);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void hostileTextIsOnlyEverAParameterAndMatchesLiterally(SqlDialect dialect) throws SQLException {
        String[] attacks = {"x' or 1=1 --", "a'); drop table customer_features; --", "x'' or 1=1 --"};
        for (String attack : attacks) {
            String ruleText = "region = '" + attack.replace("\\", "\\\\").replace("'", "\\'") + "'";
            SqlRule sql = sql(ruleText, dialect);
            assertThat(sql.where()).doesNotContain(attack).doesNotContain("drop").doesNotContain("1=1");
            assertThat(sql.parameters()).containsExactly(attack);
        }
        assertThat(selected("region = 'x\\' or 1=1 --'", dialect)).containsExactly(1);
        assertThat(selected("region = 'a\\'); drop table customer_features; --'", dialect)).containsExactly(2);
        assertThat(selected("region = 'x'' or 1=1 --'", dialect)).containsExactly(1);
        assertThat(selected("region in ('x'' or 1=1 --', 'nobody')", dialect)).containsExactly(1);
        assertThat(selected("region contains ''' or ''1''=''1'", dialect)).isEmpty();
        assertThat(selected("has_tag('x\\' or \\'1\\'=\\'1')", dialect)).containsExactly(1);
        assertThat(selected("has_tag('\\' or 1=1 --')", dialect)).isEmpty();
        assertThat(DATABASES.get(dialect).count("customer_features")).isEqualTo(4);
    }

    @Test
    void hostileNamesNeverReachSqlBecauseOnlyDeclaredFeaturesCheck() {
        for (String attack : List.of("region; drop table x", "region = 'a' or \"1\"=\"1\" --",
                "customer_features.id > 0", "region\" = region or \"x = 'a'", "1=1; --")) {
            assertThat(RuleChecker.check(attack, TestFeatures.CATALOG).isValid()).as(attack).isFalse();
        }
    }

    @Test
    void declaredNamesAreQuotedSoEvenOddOnesCannotBreakOut() {
        assertThat(SqlIdentifiers.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqlIdentifiers.quote("strata.customer_tags")).isEqualTo("\"strata\".\"customer_tags\"");
        FeatureCatalog catalog = FeatureCatalog.of(TestFeatures.feature("select", FeatureType.NUMBER, "", "", ""));
        SqlRule sql = SqlCompiler.toSql(RuleChecker.check("select > 1", catalog).orThrow(), SqlDialect.H2,
                RuleDatabase.RESOLVER, AS_OF);
        assertThat(sql.where()).isEqualTo("(CAST(\"c\".\"select\" AS DOUBLE PRECISION) > CAST(? AS DOUBLE PRECISION))");
    }
}
