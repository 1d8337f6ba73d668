package org.strata.engine.rule.sql;

import org.strata.engine.rule.ArithmeticOperator;
import org.strata.engine.rule.ComparisonOperator;
import org.strata.engine.rule.Expr;
import org.strata.engine.rule.Function;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.RuleType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a checked rule to a SQL condition that selects exactly the rows the in-memory back end matches:
 * <ul>
 *   <li>values are only ever {@code ?} parameters, each wrapped in a CAST so both databases type it alike;</li>
 *   <li>numbers are computed in DOUBLE PRECISION (columns are cast too), so SQL does the same IEEE arithmetic in
 *       the same order as Java, and {@code /} never divides integers;</li>
 *   <li>division by zero is null through {@code NULLIF(divisor, 0)};</li>
 *   <li>null handling is SQL's own three-valued logic, which the in-memory back end reproduces; a WHERE clause keeps
 *       only TRUE rows, as {@code matches} does;</li>
 *   <li>every compound is parenthesised, so the SQL precedence can never differ from the rule's.</li>
 * </ul>
 */
public final class SqlCompiler {

    private final Rule rule;
    private final SqlDialect dialect;
    private final ColumnResolver resolver;
    private final LocalDate asOf;

    private SqlCompiler(Rule rule, SqlDialect dialect, ColumnResolver resolver, LocalDate asOf) {
        this.rule = rule;
        this.dialect = dialect;
        this.resolver = resolver;
        this.asOf = asOf;
    }

    /** {@code asOf} is bound where the rule says {@code today()}. */
    public static SqlRule toSql(Rule rule, SqlDialect dialect, ColumnResolver resolver, LocalDate asOf) {
        SqlFragment where = new SqlCompiler(rule, dialect, resolver, asOf).sql(rule.expr());
        return new SqlRule(where.sql(), where.parameters());
    }

    private SqlFragment sql(Expr e) {
        return e.accept(new Expr.Visitor<>() {
            @Override
            public SqlFragment visitNumberLiteral(Expr.NumberLiteral node) {
                return SqlFragment.parameter(node.value(), "DOUBLE PRECISION");
            }

            @Override
            public SqlFragment visitTextLiteral(Expr.TextLiteral node) {
                return SqlFragment.parameter(node.value(), "VARCHAR");
            }

            @Override
            public SqlFragment visitBooleanLiteral(Expr.BooleanLiteral node) {
                return SqlFragment.parameter(node.value(), "BOOLEAN");
            }

            @Override
            public SqlFragment visitDateLiteral(Expr.DateLiteral node) {
                return SqlFragment.parameter(node.value(), "DATE");
            }

            @Override
            public SqlFragment visitFeature(Expr.Feature node) {
                String column = resolver.column(rule.catalog().get(node.name()));
                return SqlFragment.text(rule.typeOf(node) == RuleType.NUMBER
                        ? "CAST(" + column + " AS DOUBLE PRECISION)" : column);
            }

            @Override
            public SqlFragment visitNegate(Expr.Negate node) {
                // the operand always starts with "(", "CAST", a quoted name or CASE/COALESCE/ABS: never "--"
                return SqlFragment.join("(-", sql(node.operand()), ")");
            }

            @Override
            public SqlFragment visitArithmetic(Expr.Arithmetic node) {
                if (rule.typeOf(node) == RuleType.DATE) {
                    int amount = RuleChecker.dayShift(node.right()).orElseThrow();
                    int days = node.operator() == ArithmeticOperator.SUBTRACT ? -amount : amount;
                    return shift(sql(node.left()), days);
                }
                SqlFragment left = sql(node.left());
                SqlFragment right = sql(node.right());
                if (node.operator() == ArithmeticOperator.DIVIDE) {
                    return SqlFragment.join("(", left, " / NULLIF(", right, ", 0))");
                }
                return SqlFragment.join("(", left, " " + node.operator().symbol() + " ", right, ")");
            }

            @Override
            public SqlFragment visitComparison(Expr.Comparison node) {
                return SqlFragment.join("(", sql(node.left()), " " + sqlOperator(node.operator()) + " ",
                        sql(node.right()), ")");
            }

            @Override
            public SqlFragment visitIn(Expr.In node) {
                List<Object> parts = new ArrayList<>();
                parts.add("(");
                parts.add(sql(node.value()));
                parts.add(node.negated() ? " NOT IN (" : " IN (");
                for (int i = 0; i < node.candidates().size(); i++) {
                    parts.add(i == 0 ? "" : ", ");
                    parts.add(sql(node.candidates().get(i)));
                }
                parts.add("))");
                return SqlFragment.join(parts.toArray());
            }

            @Override
            public SqlFragment visitBetween(Expr.Between node) {
                return SqlFragment.join("(", sql(node.value()), " BETWEEN ", sql(node.low()), " AND ", sql(node.high()),
                        ")");
            }

            @Override
            public SqlFragment visitIsNull(Expr.IsNull node) {
                return SqlFragment.join("(", sql(node.value()), node.negated() ? " IS NOT NULL)" : " IS NULL)");
            }

            @Override
            public SqlFragment visitTextMatch(Expr.TextMatch node) {
                String pattern = escapeLike(node.pattern());
                Object value = switch (node.operator()) {
                    case CONTAINS -> "%" + pattern + "%";
                    case STARTS_WITH -> pattern + "%";
                };
                return SqlFragment.join("(", sql(node.text()), " LIKE ", SqlFragment.parameter(value, "VARCHAR"),
                        " ESCAPE '!')");
            }

            @Override
            public SqlFragment visitLogical(Expr.Logical node) {
                List<Object> parts = new ArrayList<>(List.of("("));
                for (Expr operand : node.operands()) {
                    parts.add(parts.size() == 1 ? "" : " " + node.operator().name() + " ");
                    parts.add(sql(operand));
                }
                parts.add(")");
                return SqlFragment.join(parts.toArray());
            }

            @Override
            public SqlFragment visitNot(Expr.Not node) {
                return SqlFragment.join("(NOT ", sql(node.operand()), ")");
            }

            @Override
            public SqlFragment visitCall(Expr.Call node) {
                return call(node);
            }

            @Override
            public SqlFragment visitInvalid(Expr.Invalid node) {
                throw new IllegalStateException("a rule with errors cannot be compiled");
            }
        });
    }

    private SqlFragment call(Expr.Call call) {
        List<Expr> arguments = call.arguments();
        Function function = call.function();
        switch (function) {
            case TODAY -> {
                return today();
            }
            case DAYS_SINCE -> {
                return daysBetween(sql(arguments.get(0)), today());
            }
            case DAYS_BETWEEN -> {
                return daysBetween(sql(arguments.get(0)), sql(arguments.get(1)));
            }
            case ABS -> {
                return SqlFragment.join("ABS(", sql(arguments.get(0)), ")");
            }
            case MIN, MAX -> {
                // not LEAST/GREATEST: PostgreSQL's skip nulls, and the language says min/max of a null is null
                SqlFragment a = sql(arguments.get(0));
                SqlFragment b = sql(arguments.get(1));
                String first = function == Function.MIN ? " <= " : " >= ";
                String second = function == Function.MIN ? " < " : " > ";
                return SqlFragment.join("(CASE WHEN ", a, first, b, " THEN ", a, " WHEN ", b, second, a, " THEN ", b,
                        " END)");
            }
            case COALESCE -> {
                List<Object> parts = new ArrayList<>();
                parts.add("COALESCE(");
                for (int i = 0; i < arguments.size(); i++) {
                    parts.add(i == 0 ? "" : ", ");
                    parts.add(sql(arguments.get(i)));
                }
                parts.add(")");
                return SqlFragment.join(parts.toArray());
            }
            case HAS_TAG -> {
                ColumnResolver.TagTable tags = resolver.tagTable(rule.catalog().get(rule.tagFeature(call)));
                return SqlFragment.join("(EXISTS (SELECT 1 FROM " + SqlIdentifiers.quote(tags.table())
                                + " strata_tag WHERE strata_tag." + SqlIdentifiers.quote(tags.customerIdColumn())
                                + " = " + resolver.customerId() + " AND strata_tag."
                                + SqlIdentifiers.quote(tags.tagColumn()) + " = ",
                        SqlFragment.parameter(Rule.tag(call), "VARCHAR"), "))");
            }
            default -> throw new IllegalStateException(function.name());
        }
    }

    private SqlFragment today() {
        return SqlFragment.parameter(asOf, "DATE");
    }

    private SqlFragment daysBetween(SqlFragment from, SqlFragment to) {
        return SqlFragment.join("CAST(", dialect.daysBetween(from, to), " AS DOUBLE PRECISION)");
    }

    private SqlFragment shift(SqlFragment date, int days) {
        return dialect.shiftDays(date, SqlFragment.parameter(days, "INTEGER"));
    }

    private static String sqlOperator(ComparisonOperator operator) {
        return operator == ComparisonOperator.NOT_EQUAL ? "<>" : operator.symbol();
    }

    /**
     * LIKE treats % and _ as wildcards; the language's contains/starts_with match them literally. The escape
     * character is {@code !}, not a backslash, whose meaning in a SQL string literal depends on PostgreSQL's
     * standard_conforming_strings setting.
     */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
