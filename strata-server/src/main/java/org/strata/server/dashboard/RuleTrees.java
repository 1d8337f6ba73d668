package org.strata.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.rule.ComparisonOperator;
import org.strata.engine.rule.Expr;
import org.strata.engine.rule.LogicalOperator;
import org.strata.engine.rule.ParsedRule;
import org.strata.engine.rule.RuleParser;
import org.strata.engine.rule.RulePrinter;

/** Converts between rule text and the visual builder's {@link RuleTree}; text is always the engine's canonical form. */
final class RuleTrees {

    private RuleTrees() {
    }

    /** The tree of a rule that parses; the caller has checked there are no syntax errors. */
    static RuleTree of(Expr expr) {
        if (expr instanceof Expr.Logical logical) {
            List<RuleTree> items = new ArrayList<>();
            flatten(logical.operator(), logical, items);
            return new RuleTree.Group(logical.operator().keyword(), items);
        }
        if (expr instanceof Expr.Comparison comparison && comparison.left() instanceof Expr.Feature feature
                && isConstant(comparison.right())) {
            return new RuleTree.Condition(feature.name(), comparison.operator().symbol(),
                    RulePrinter.print(comparison.right()));
        }
        return new RuleTree.Raw(RulePrinter.print(expr));
    }

    /** a and (b and c) is one AND group of a, b and c, as the builder has no brackets within a group. */
    private static void flatten(LogicalOperator operator, Expr expr, List<RuleTree> items) {
        if (expr instanceof Expr.Logical logical && logical.operator() == operator) {
            for (Expr operand : logical.operands()) {
                flatten(operator, operand, items);
            }
        } else {
            items.add(of(expr));
        }
    }

    private static boolean isConstant(Expr expr) {
        return expr instanceof Expr.NumberLiteral || expr instanceof Expr.TextLiteral
                || expr instanceof Expr.BooleanLiteral || expr instanceof Expr.DateLiteral
                || expr instanceof Expr.Negate negate && negate.operand() instanceof Expr.NumberLiteral;
    }

    /**
     * The canonical text of a tree. Values and raw pieces are parsed as rule text; a piece that does not parse is
     * reported with its place in the tree ({@code items/2/value}) and the parser's message.
     */
    static String text(RuleTree tree) {
        return RulePrinter.print(expr(tree, ""));
    }

    private static Expr expr(RuleTree tree, String path) {
        if (tree instanceof RuleTree.Group group) {
            if (group.items() == null || group.items().isEmpty()) {
                throw new InvalidDashboardQueryException(where(path) + "a group needs at least one condition");
            }
            LogicalOperator operator = switch (group.op() == null ? "" : group.op().toLowerCase()) {
                case "and" -> LogicalOperator.AND;
                case "or" -> LogicalOperator.OR;
                default -> throw new InvalidDashboardQueryException(where(path) + "op must be and or or, was "
                        + group.op());
            };
            List<Expr> items = new ArrayList<>();
            for (int i = 0; i < group.items().size(); i++) {
                items.add(expr(group.items().get(i), path + "/items/" + i));
            }
            return items.size() == 1 ? items.get(0) : new Expr.Logical(operator, items);
        }
        if (tree instanceof RuleTree.Condition condition) {
            ComparisonOperator operator = java.util.Arrays.stream(ComparisonOperator.values())
                    .filter(o -> o.symbol().equals(condition.operator())).findFirst()
                    .orElseThrow(() -> new InvalidDashboardQueryException(where(path + "/operator")
                            + "operator must be one of = != < <= > >=, was " + condition.operator()));
            if (condition.feature() == null || !condition.feature().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidDashboardQueryException(where(path + "/feature") + "choose a feature");
            }
            return new Expr.Comparison(operator, new Expr.Feature(condition.feature()),
                    parse(condition.value(), path + "/value"));
        }
        return parse(((RuleTree.Raw) tree).text(), path + "/text");
    }

    private static Expr parse(String text, String path) {
        ParsedRule parsed = RuleParser.parse(text == null ? "" : text);
        if (parsed.hasErrors()) {
            throw new InvalidDashboardQueryException(where(path) + parsed.diagnostics().get(0));
        }
        return parsed.expr();
    }

    private static String where(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }
}
