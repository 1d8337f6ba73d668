package org.strata.engine.rule.eval;

import org.strata.engine.rule.ArithmeticOperator;
import org.strata.engine.rule.ComparisonOperator;
import org.strata.engine.rule.Expr;
import org.strata.engine.rule.Function;
import org.strata.engine.rule.LogicalOperator;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.RuleType;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates a rule for one customer by walking the tree, with boxed values and {@code null} for unknown. It is the
 * plainest statement of the semantics: the vectorised {@link CompiledRule} and the SQL back end are tested against
 * it, it is the baseline of the rule benchmark, and it serves a single customer's live update where building column
 * vectors would cost more than it saves.
 */
public final class RowEvaluator {

    private final Rule rule;

    public RowEvaluator(Rule rule) {
        this.rule = rule;
    }

    /** Whether the rule is TRUE for the row (unknown counts as not matching). */
    public boolean matches(FeatureTable table, int row, LocalDate asOf) {
        return Boolean.TRUE.equals(evaluate(table, row, asOf));
    }

    /** The rule's value for the row: TRUE, FALSE or {@code null} for unknown. */
    public Boolean evaluate(FeatureTable table, int row, LocalDate asOf) {
        return (Boolean) rule.expr().accept(new Walker(table, row, Math.toIntExact(asOf.toEpochDay())));
    }

    /** Values: Double for numbers, String, Boolean, Integer epoch days for dates; null for unknown. */
    private final class Walker implements Expr.Visitor<Object> {
        private final FeatureTable table;
        private final int row;
        private final int asOfDay;

        Walker(FeatureTable table, int row, int asOfDay) {
            this.table = table;
            this.row = row;
            this.asOfDay = asOfDay;
        }

        private Object eval(Expr e) {
            return e.accept(this);
        }

        @Override
        public Object visitNumberLiteral(Expr.NumberLiteral node) {
            return node.value();
        }

        @Override
        public Object visitTextLiteral(Expr.TextLiteral node) {
            return node.value();
        }

        @Override
        public Object visitBooleanLiteral(Expr.BooleanLiteral node) {
            return node.value();
        }

        @Override
        public Object visitDateLiteral(Expr.DateLiteral node) {
            return (int) node.value().toEpochDay();
        }

        @Override
        public Object visitFeature(Expr.Feature node) {
            Column column = table.column(node.name());
            if (column.isNull(row)) {
                return null;
            }
            if (column instanceof NumberColumn numbers) {
                return numbers.values()[row];
            }
            if (column instanceof TextColumn texts) {
                return texts.values()[row];
            }
            if (column instanceof BooleanColumn booleans) {
                return booleans.values().get(row);
            }
            if (column instanceof DateColumn dates) {
                return dates.epochDays()[row];
            }
            throw new IllegalStateException("feature `" + node.name() + "` cannot be read as a value");
        }

        @Override
        public Object visitNegate(Expr.Negate node) {
            Double value = (Double) eval(node.operand());
            return value == null ? null : -value;
        }

        @Override
        public Object visitArithmetic(Expr.Arithmetic node) {
            if (rule.typeOf(node) == RuleType.DATE) {
                Integer date = (Integer) eval(node.left());
                int amount = RuleChecker.dayShift(node.right()).orElseThrow();
                return date == null ? null : date + (node.operator() == ArithmeticOperator.SUBTRACT ? -amount : amount);
            }
            Double a = (Double) eval(node.left());
            Double b = (Double) eval(node.right());
            if (a == null || b == null) {
                return null;
            }
            return switch (node.operator()) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? null : a / b;
            };
        }

        @Override
        public Object visitComparison(Expr.Comparison node) {
            return compare(eval(node.left()), eval(node.right()), node.operator());
        }

        @Override
        public Object visitIn(Expr.In node) {
            Object value = eval(node.value());
            if (value == null) {
                return null;
            }
            boolean found = false;
            for (Expr candidate : node.candidates()) {
                found |= Boolean.TRUE.equals(compare(value, eval(candidate), ComparisonOperator.EQUAL));
            }
            return found != node.negated();
        }

        @Override
        public Object visitBetween(Expr.Between node) {
            Object value = eval(node.value());
            return and((Boolean) compare(value, eval(node.low()), ComparisonOperator.GREATER_OR_EQUAL),
                    (Boolean) compare(value, eval(node.high()), ComparisonOperator.LESS_OR_EQUAL));
        }

        @Override
        public Object visitIsNull(Expr.IsNull node) {
            return (eval(node.value()) == null) != node.negated();
        }

        @Override
        public Object visitTextMatch(Expr.TextMatch node) {
            String text = (String) eval(node.text());
            return text == null ? null : node.operator().test(text, node.pattern());
        }

        @Override
        public Object visitLogical(Expr.Logical node) {
            // three-valued: `and` is false once any operand is false, else unknown if any is unknown (`or` alike)
            boolean and = node.operator() == LogicalOperator.AND;
            Boolean result = and; // what the chain is when no operand decides it: true for `and`, false for `or`
            for (Expr operand : node.operands()) {
                Boolean value = (Boolean) eval(operand);
                if (value == null) {
                    result = null;
                } else if (value != and) {
                    return value; // decides the chain whatever follows; operands have no side effects
                }
            }
            return result;
        }

        @Override
        public Object visitNot(Expr.Not node) {
            Boolean value = (Boolean) eval(node.operand());
            return value == null ? null : !value;
        }

        @Override
        public Object visitCall(Expr.Call node) {
            List<Expr> arguments = node.arguments();
            Function function = node.function();
            switch (function) {
                case TODAY -> {
                    return asOfDay;
                }
                case HAS_TAG -> {
                    TagColumn tags = (TagColumn) table.column(rule.tagFeature(node));
                    return tags.has(row, Rule.tag(node));
                }
                case COALESCE -> {
                    for (Expr argument : arguments) {
                        Object value = eval(argument);
                        if (value != null) {
                            return value;
                        }
                    }
                    return null;
                }
                default -> {
                    // every other function is null when an argument is null
                }
            }
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = eval(arguments.get(i));
                if (values[i] == null) {
                    return null;
                }
            }
            return switch (function) {
                case DAYS_SINCE -> (double) asOfDay - (Integer) values[0];
                case DAYS_BETWEEN -> (double) (Integer) values[1] - (Integer) values[0];
                case ABS -> Math.abs((Double) values[0]);
                case MIN -> (Double) values[0] <= (Double) values[1] ? values[0] : values[1];
                case MAX -> (Double) values[0] >= (Double) values[1] ? values[0] : values[1];
                default -> throw new IllegalStateException(function.name());
            };
        }

        @Override
        public Object visitInvalid(Expr.Invalid node) {
            throw new IllegalStateException("a rule with errors cannot be evaluated");
        }
    }

    private static Boolean compare(Object left, Object right, ComparisonOperator operator) {
        if (left == null || right == null) {
            return null;
        }
        int sign;
        if (left instanceof Double a) {
            double b = (Double) right;
            sign = a < b ? -1 : a > b ? 1 : 0; // not Double.compare: -0.0 equals 0.0, as in SQL
        } else if (left instanceof Integer a) {
            sign = Integer.compare(a, (Integer) right);
        } else {
            sign = left.equals(right) ? 0 : 1; // text and booleans only meet = and !=
        }
        return operator.test(sign);
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }
}
