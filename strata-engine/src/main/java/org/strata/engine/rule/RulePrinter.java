package org.strata.engine.rule;

import java.util.stream.Collectors;

/**
 * Formats a tree as canonical rule text (lower-case keywords, single spaces, single quotes, only the parentheses
 * precedence needs) that parses back to an equal tree; the UI shows and stores rules in this form.
 */
public final class RulePrinter {

    // precedence levels, loosest first; a child printed below its context's level is parenthesised
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;
    private static final int ADDITIVE = 5;
    private static final int MULTIPLICATIVE = 6;
    private static final int UNARY = 7;
    private static final int PRIMARY = 8;

    private RulePrinter() {
    }

    public static String print(Expr expr) {
        return print(expr, OR);
    }

    private static String print(Expr expr, int context) {
        Printed printed = expr.accept(PRINTER);
        return printed.level < context ? "(" + printed.text + ")" : printed.text;
    }

    private record Printed(String text, int level) {
    }

    private static final Expr.Visitor<Printed> PRINTER = new Expr.Visitor<>() {
        @Override
        public Printed visitNumberLiteral(Expr.NumberLiteral node) {
            return new Printed(number(node.value()), PRIMARY);
        }

        @Override
        public Printed visitTextLiteral(Expr.TextLiteral node) {
            return new Printed(quote(node.value()), PRIMARY);
        }

        @Override
        public Printed visitBooleanLiteral(Expr.BooleanLiteral node) {
            return new Printed(String.valueOf(node.value()), PRIMARY);
        }

        @Override
        public Printed visitDateLiteral(Expr.DateLiteral node) {
            return new Printed("date('" + node.value() + "')", PRIMARY);
        }

        @Override
        public Printed visitFeature(Expr.Feature node) {
            return new Printed(node.name(), PRIMARY);
        }

        @Override
        public Printed visitNegate(Expr.Negate node) {
            return new Printed("-" + print(node.operand(), UNARY), UNARY);
        }

        @Override
        public Printed visitArithmetic(Expr.Arithmetic node) {
            int level = node.operator().isMultiplicative() ? MULTIPLICATIVE : ADDITIVE;
            return new Printed(print(node.left(), level) + " " + node.operator().symbol() + " "
                    + print(node.right(), level + 1), level);
        }

        @Override
        public Printed visitComparison(Expr.Comparison node) {
            return new Printed(print(node.left(), ADDITIVE) + " " + node.operator().symbol() + " "
                    + print(node.right(), ADDITIVE), PREDICATE);
        }

        @Override
        public Printed visitIn(Expr.In node) {
            String candidates = node.candidates().stream().map(c -> print(c, ADDITIVE))
                    .collect(Collectors.joining(", "));
            return new Printed(print(node.value(), ADDITIVE) + (node.negated() ? " not in (" : " in (")
                    + candidates + ")", PREDICATE);
        }

        @Override
        public Printed visitBetween(Expr.Between node) {
            return new Printed(print(node.value(), ADDITIVE) + " between " + print(node.low(), ADDITIVE) + " and "
                    + print(node.high(), ADDITIVE), PREDICATE);
        }

        @Override
        public Printed visitIsNull(Expr.IsNull node) {
            return new Printed(print(node.value(), ADDITIVE) + (node.negated() ? " is not null" : " is null"),
                    PREDICATE);
        }

        @Override
        public Printed visitTextMatch(Expr.TextMatch node) {
            return new Printed(print(node.text(), ADDITIVE) + " " + node.operator().keyword() + " "
                    + quote(node.pattern()), PREDICATE);
        }

        @Override
        public Printed visitLogical(Expr.Logical node) {
            int level = node.operator() == LogicalOperator.OR ? OR : AND;
            // the first operand is never the same connective (Expr.Logical splices it), any later one is bracketed
            StringBuilder text = new StringBuilder(print(node.operands().get(0), level));
            for (Expr operand : node.operands().subList(1, node.operands().size())) {
                text.append(' ').append(node.operator().keyword()).append(' ').append(print(operand, level + 1));
            }
            return new Printed(text.toString(), level);
        }

        @Override
        public Printed visitNot(Expr.Not node) {
            return new Printed("not " + print(node.operand(), NOT), NOT);
        }

        @Override
        public Printed visitCall(Expr.Call node) {
            String arguments = node.arguments().stream().map(a -> print(a, OR)).collect(Collectors.joining(", "));
            return new Printed(node.function().ruleName() + "(" + arguments + ")", PRIMARY);
        }

        @Override
        public Printed visitInvalid(Expr.Invalid node) {
            throw new IllegalArgumentException("a rule with syntax errors cannot be printed");
        }
    };

    /** Whole numbers print without a fraction (30, not 30.0); others in Java's shortest round-tripping form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }
}
