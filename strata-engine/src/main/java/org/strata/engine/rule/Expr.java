package org.strata.engine.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of a rule. Nodes hold no positions, so two parses of equivalent text are equal; positions live in
 * {@link ParsedRule#spanOf(Expr)}. What a node means for each type is defined once in docs/rule-language.md and
 * implemented by the back ends in {@code eval} and {@code sql}.
 */
public sealed interface Expr {

    /** Evaluates {@code visitor} on this node; Java 17 has no pattern switch, so back ends are visitors. */
    <R> R accept(Visitor<R> visitor);

    /** One method per node kind, so adding a kind fails to compile every back end that does not handle it. */
    interface Visitor<R> {
        R visitNumberLiteral(NumberLiteral node);

        R visitTextLiteral(TextLiteral node);

        R visitBooleanLiteral(BooleanLiteral node);

        R visitDateLiteral(DateLiteral node);

        R visitFeature(Feature node);

        R visitNegate(Negate node);

        R visitArithmetic(Arithmetic node);

        R visitComparison(Comparison node);

        R visitIn(In node);

        R visitBetween(Between node);

        R visitIsNull(IsNull node);

        R visitTextMatch(TextMatch node);

        R visitLogical(Logical node);

        R visitNot(Not node);

        R visitCall(Call node);

        R visitInvalid(Invalid node);
    }

    record NumberLiteral(double value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNumberLiteral(this);
        }

    }

    record TextLiteral(String value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitTextLiteral(this);
        }

    }

    record BooleanLiteral(boolean value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBooleanLiteral(this);
        }

    }

    /** {@code date('2026-01-01')}. */
    record DateLiteral(LocalDate value) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitDateLiteral(this);
        }

    }

    /** A reference to a declared feature, by its lower snake case name. */
    record Feature(String name) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFeature(this);
        }

    }

    /** Unary minus. */
    record Negate(Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNegate(this);
        }

    }

    /** {@code + - * /} on numbers; {@code + -} also shift a date by a whole number of days. */
    record Arithmetic(ArithmeticOperator operator, Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitArithmetic(this);
        }

    }

    record Comparison(ComparisonOperator operator, Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitComparison(this);
        }

    }

    /** {@code value in (a, b)} or, when {@code negated}, {@code value not in (a, b)}; candidates are literals. */
    record In(Expr value, List<Expr> candidates, boolean negated) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitIn(this);
        }

        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code value between low and high}, both ends included. */
    record Between(Expr value, Expr low, Expr high) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBetween(this);
        }

    }

    /** {@code value is null} or, when {@code negated}, {@code value is not null}. */
    record IsNull(Expr value, boolean negated) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitIsNull(this);
        }

    }

    /** {@code text contains 'x'} or {@code text starts_with 'x'}: case-sensitive, no wildcards. */
    record TextMatch(TextMatchOperator operator, Expr text, String pattern) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitTextMatch(this);
        }

    }

    /**
     * {@code a and b and c}: one node for a whole chain of the same connective, so every pass loops over a chain
     * instead of recursing once per link; a valid rule may chain about a thousand, which a recursive pass on a 1 MB
     * request thread does not survive. Only parentheses nest nodes, and the parser limits how deep. A first operand
     * with the same operator is spliced in, since {@code (a and b) and c} reads and prints as {@code a and b and c};
     * a later one stays nested, as {@code a and (b and c)} prints with its parentheses.
     */
    record Logical(LogicalOperator operator, List<Expr> operands) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLogical(this);
        }

        public Logical {
            if (operands.size() < 2) {
                throw new IllegalArgumentException("`" + operator.keyword() + "` needs at least two operands");
            }
            if (operands.get(0) instanceof Logical first && first.operator() == operator) {
                List<Expr> spliced = new ArrayList<>(first.operands());
                spliced.addAll(operands.subList(1, operands.size()));
                operands = spliced;
            }
            operands = List.copyOf(operands);
        }

        public Logical(LogicalOperator operator, Expr left, Expr right) {
            this(operator, List.of(left, right));
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNot(this);
        }

    }

    record Call(Function function, List<Expr> arguments) implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCall(this);
        }

        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** Stands where the parser could not read a value; a rule containing one never reaches a back end. */
    record Invalid() implements Expr {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitInvalid(this);
        }

    }
}
