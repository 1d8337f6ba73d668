package org.strata.engine.rule.eval;

import org.strata.engine.rule.ArithmeticOperator;
import org.strata.engine.rule.ComparisonOperator;
import org.strata.engine.rule.Expr;
import org.strata.engine.rule.Function;
import org.strata.engine.rule.LogicalOperator;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.RuleType;
import org.strata.engine.rule.eval.Nodes.BoolNode;
import org.strata.engine.rule.eval.Nodes.DateNode;
import org.strata.engine.rule.eval.Nodes.NumberNode;
import org.strata.engine.rule.eval.Nodes.TextNode;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a checked rule into a tree of column-at-a-time nodes. The type checker has already guaranteed every operand's
 * type, so each method here handles exactly the shapes a valid rule can have. A subexpression that reads no feature
 * (a literal, {@code today() - 30}) is computed once per evaluation as a scalar, which keeps
 * {@code column op constant} on the fast path that scans a double[] without filling a second array.
 */
final class VectorCompiler {

    private final Rule rule;

    VectorCompiler(Rule rule) {
        this.rule = rule;
    }

    BoolNode bool(Expr e) {
        if (e instanceof Expr.BooleanLiteral literal) {
            boolean value = literal.value();
            return frame -> Truth.constant(value, frame);
        }
        if (e instanceof Expr.Feature feature) {
            String name = feature.name();
            return frame -> {
                BooleanColumn column = column(frame, name, BooleanColumn.class);
                return Truth.of(frame.words(column.values()), frame.words(column.nulls()), frame);
            };
        }
        if (e instanceof Expr.Comparison comparison) {
            return comparison(comparison);
        }
        if (e instanceof Expr.In in) {
            BoolNode node = in(in);
            return in.negated() ? frame -> node.eval(frame).not() : node;
        }
        if (e instanceof Expr.Between between) {
            return between(between);
        }
        if (e instanceof Expr.IsNull isNull) {
            NullMask mask = nullMask(isNull.value());
            boolean negated = isNull.negated();
            return frame -> {
                Truth nulls = Truth.of(mask.eval(frame), new long[frame.words()], frame);
                return negated ? nulls.not() : nulls;
            };
        }
        if (e instanceof Expr.TextMatch match) {
            TextNode text = text(match.text());
            return frame -> {
                String[] values = text.eval(frame);
                long[] bits = new long[frame.words()];
                long[] nulls = new long[frame.words()];
                for (int i = 0; i < frame.rows(); i++) {
                    if (values[i] == null) {
                        nulls[i >>> 6] |= 1L << i;
                    } else if (match.operator().test(values[i], match.pattern())) {
                        bits[i >>> 6] |= 1L << i;
                    }
                }
                return Truth.of(bits, nulls, frame);
            };
        }
        if (e instanceof Expr.Logical logical) {
            List<BoolNode> operands = logical.operands().stream().map(this::bool).toList();
            boolean and = logical.operator() == LogicalOperator.AND;
            return frame -> {
                Truth result = operands.get(0).eval(frame);
                for (int i = 1; i < operands.size(); i++) {
                    Truth next = operands.get(i).eval(frame);
                    result = and ? result.and(next) : result.or(next);
                }
                return result;
            };
        }
        if (e instanceof Expr.Not not) {
            BoolNode operand = bool(not.operand());
            return frame -> operand.eval(frame).not();
        }
        if (e instanceof Expr.Call call && call.function() == Function.HAS_TAG) {
            String feature = rule.tagFeature(call);
            String tag = Rule.tag(call);
            return frame -> {
                BitSet rows = column(frame, feature, TagColumn.class).rowsByTag().get(tag);
                long[] bits = rows == null ? new long[frame.words()] : frame.words(rows);
                return Truth.of(bits, new long[frame.words()], frame);
            };
        }
        if (e instanceof Expr.Call call && call.function() == Function.COALESCE) {
            List<BoolNode> arguments = call.arguments().stream().map(this::bool).toList();
            return frame -> {
                Truth result = arguments.get(0).eval(frame);
                for (int i = 1; i < arguments.size(); i++) {
                    result = result.orElse(arguments.get(i).eval(frame));
                }
                return result;
            };
        }
        throw unexpected(e);
    }

    private BoolNode comparison(Expr.Comparison comparison) {
        ComparisonOperator operator = comparison.operator();
        Expr left = comparison.left();
        Expr right = comparison.right();
        switch (rule.typeOf(left)) {
            case NUMBER -> {
                if (isConstant(left) && !isConstant(right)) {
                    return numberVersusConstant(number(right), number(left), flip(operator));
                }
                if (isConstant(right)) {
                    return numberVersusConstant(number(left), number(right), operator);
                }
                NumberNode a = number(left);
                NumberNode b = number(right);
                return frame -> NumberKernels.compare(a.eval(frame), b.eval(frame), operator, frame);
            }
            case DATE -> {
                if (isConstant(left) && !isConstant(right)) {
                    return dateVersusConstant(date(right), date(left), flip(operator));
                }
                if (isConstant(right)) {
                    return dateVersusConstant(date(left), date(right), operator);
                }
                DateNode a = date(left);
                DateNode b = date(right);
                return frame -> DateKernels.compare(a.eval(frame), b.eval(frame), operator, frame);
            }
            case TEXT -> {
                TextNode a = text(left);
                TextNode b = text(right);
                boolean equal = operator == ComparisonOperator.EQUAL;
                return frame -> {
                    String[] x = a.eval(frame);
                    String[] y = b.eval(frame);
                    long[] bits = new long[frame.words()];
                    long[] nulls = new long[frame.words()];
                    for (int i = 0; i < frame.rows(); i++) {
                        if (x[i] == null || y[i] == null) {
                            nulls[i >>> 6] |= 1L << i;
                        } else if (x[i].equals(y[i]) == equal) {
                            bits[i >>> 6] |= 1L << i;
                        }
                    }
                    return Truth.of(bits, nulls, frame);
                };
            }
            case BOOLEAN -> {
                BoolNode a = bool(left);
                BoolNode b = bool(right);
                boolean equal = operator == ComparisonOperator.EQUAL;
                return frame -> {
                    Truth same = a.eval(frame).equalTo(b.eval(frame));
                    return equal ? same : same.not();
                };
            }
            default -> throw unexpected(comparison);
        }
    }

    private static BoolNode numberVersusConstant(NumberNode column, NumberNode constant, ComparisonOperator operator) {
        return frame -> {
            Double value = scalar(constant, frame);
            return value == null ? Truth.constant(null, frame)
                    : NumberKernels.compare(column.eval(frame), value, operator, frame);
        };
    }

    private static BoolNode dateVersusConstant(DateNode column, DateNode constant, ComparisonOperator operator) {
        return frame -> {
            Integer value = scalar(constant, frame);
            return value == null ? Truth.constant(null, frame)
                    : DateKernels.compare(column.eval(frame), value, operator, frame);
        };
    }

    /** {@code c op x} is {@code x flip(op) c}. */
    private static ComparisonOperator flip(ComparisonOperator operator) {
        return switch (operator) {
            case LESS -> ComparisonOperator.GREATER;
            case LESS_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            case GREATER -> ComparisonOperator.LESS;
            case GREATER_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            default -> operator;
        };
    }

    /** {@code x in (…)} without the negation; every candidate is a non-null constant (the checker made sure). */
    private BoolNode in(Expr.In in) {
        List<Expr> candidates = in.candidates();
        switch (rule.typeOf(in.value())) {
            case NUMBER -> {
                NumberNode value = number(in.value());
                double[] constants = candidates.stream().mapToDouble(VectorCompiler::numberConstant).toArray();
                return frame -> {
                    Numbers numbers = value.eval(frame);
                    long[] bits = NumberKernels.pack(NumberKernels.anyEqual(numbers, constants), frame.words());
                    return Truth.of(bits, numbers.nulls(), frame);
                };
            }
            case TEXT -> {
                TextNode value = text(in.value());
                Set<String> constants = new HashSet<>();
                candidates.forEach(c -> constants.add(((Expr.TextLiteral) c).value()));
                return frame -> {
                    String[] texts = value.eval(frame);
                    long[] bits = new long[frame.words()];
                    long[] nulls = new long[frame.words()];
                    for (int i = 0; i < frame.rows(); i++) {
                        if (texts[i] == null) {
                            nulls[i >>> 6] |= 1L << i;
                        } else if (constants.contains(texts[i])) {
                            bits[i >>> 6] |= 1L << i;
                        }
                    }
                    return Truth.of(bits, nulls, frame);
                };
            }
            case DATE -> {
                DateNode value = date(in.value());
                int[] constants = candidates.stream()
                        .mapToInt(c -> (int) ((Expr.DateLiteral) c).value().toEpochDay()).toArray();
                return frame -> {
                    Dates dates = value.eval(frame);
                    long[] bits = new long[frame.words()];
                    for (int i = 0; i < frame.rows(); i++) {
                        for (int constant : constants) {
                            if (dates.days()[i] == constant) {
                                bits[i >>> 6] |= 1L << i;
                                break;
                            }
                        }
                    }
                    return Truth.of(bits, dates.nulls(), frame);
                };
            }
            case BOOLEAN -> {
                BoolNode value = bool(in.value());
                boolean anyTrue = candidates.stream().anyMatch(c -> ((Expr.BooleanLiteral) c).value());
                boolean anyFalse = candidates.stream().anyMatch(c -> !((Expr.BooleanLiteral) c).value());
                return frame -> {
                    Truth truth = value.eval(frame);
                    long[] bits = new long[frame.words()];
                    for (int w = 0; w < bits.length; w++) {
                        bits[w] = (anyTrue ? truth.trues()[w] : 0) | (anyFalse ? truth.falses()[w] : 0);
                    }
                    return Truth.of(bits, truth.unknowns(frame), frame);
                };
            }
            default -> throw unexpected(in);
        }
    }

    private static double numberConstant(Expr literal) {
        if (literal instanceof Expr.Negate negate) {
            return -numberConstant(negate.operand());
        }
        return ((Expr.NumberLiteral) literal).value();
    }

    /** {@code x between a and b} is {@code x >= a and x <= b} in three-valued logic, as SQL defines it. */
    private BoolNode between(Expr.Between between) {
        Expr value = between.value();
        Expr low = between.low();
        Expr high = between.high();
        boolean lowIsConstant = isConstant(low);
        boolean highIsConstant = isConstant(high);
        if (rule.typeOf(value) == RuleType.NUMBER) {
            NumberNode x = number(value);
            NumberNode a = number(low);
            NumberNode b = number(high);
            return frame -> {
                Numbers numbers = x.eval(frame);
                return numberBound(numbers, a, lowIsConstant, ComparisonOperator.GREATER_OR_EQUAL, frame)
                        .and(numberBound(numbers, b, highIsConstant, ComparisonOperator.LESS_OR_EQUAL, frame));
            };
        }
        DateNode x = date(value);
        DateNode a = date(low);
        DateNode b = date(high);
        return frame -> {
            Dates dates = x.eval(frame);
            return dateBound(dates, a, lowIsConstant, ComparisonOperator.GREATER_OR_EQUAL, frame)
                    .and(dateBound(dates, b, highIsConstant, ComparisonOperator.LESS_OR_EQUAL, frame));
        };
    }

    private static Truth numberBound(Numbers x, NumberNode bound, boolean constant, ComparisonOperator operator,
                                     Frame frame) {
        if (!constant) {
            return NumberKernels.compare(x, bound.eval(frame), operator, frame);
        }
        Double value = scalar(bound, frame);
        return value == null ? Truth.constant(null, frame) : NumberKernels.compare(x, value, operator, frame);
    }

    private static Truth dateBound(Dates x, DateNode bound, boolean constant, ComparisonOperator operator,
                                   Frame frame) {
        if (!constant) {
            return DateKernels.compare(x, bound.eval(frame), operator, frame);
        }
        Integer value = scalar(bound, frame);
        return value == null ? Truth.constant(null, frame) : DateKernels.compare(x, value, operator, frame);
    }

    @FunctionalInterface
    private interface NullMask {
        long[] eval(Frame frame);
    }

    private NullMask nullMask(Expr value) {
        switch (rule.typeOf(value)) {
            case NUMBER -> {
                NumberNode node = number(value);
                return frame -> node.eval(frame).nulls();
            }
            case DATE -> {
                DateNode node = date(value);
                return frame -> node.eval(frame).nulls();
            }
            case BOOLEAN -> {
                BoolNode node = bool(value);
                return frame -> node.eval(frame).unknowns(frame);
            }
            case TEXT -> {
                TextNode node = text(value);
                return frame -> {
                    String[] texts = node.eval(frame);
                    long[] nulls = new long[frame.words()];
                    for (int i = 0; i < frame.rows(); i++) {
                        if (texts[i] == null) {
                            nulls[i >>> 6] |= 1L << i;
                        }
                    }
                    return nulls;
                };
            }
            default -> throw unexpected(value);
        }
    }

    NumberNode number(Expr e) {
        if (e instanceof Expr.NumberLiteral literal) {
            double value = literal.value();
            return frame -> Numbers.constant(value, frame);
        }
        if (e instanceof Expr.Feature feature) {
            String name = feature.name();
            return frame -> {
                NumberColumn column = column(frame, name, NumberColumn.class);
                return new Numbers(column.values(), frame.words(column.nulls()));
            };
        }
        if (e instanceof Expr.Negate negate) {
            NumberNode operand = number(negate.operand());
            return frame -> NumberKernels.negate(operand.eval(frame), frame);
        }
        if (e instanceof Expr.Arithmetic arithmetic) {
            NumberNode left = number(arithmetic.left());
            NumberNode right = number(arithmetic.right());
            ArithmeticOperator operator = arithmetic.operator();
            return frame -> NumberKernels.arithmetic(operator, left.eval(frame), right.eval(frame), frame);
        }
        if (e instanceof Expr.Call call) {
            List<Expr> arguments = call.arguments();
            switch (call.function()) {
                case ABS -> {
                    NumberNode operand = number(arguments.get(0));
                    return frame -> NumberKernels.abs(operand.eval(frame), frame);
                }
                case MIN, MAX -> {
                    NumberNode a = number(arguments.get(0));
                    NumberNode b = number(arguments.get(1));
                    boolean min = call.function() == Function.MIN;
                    return frame -> NumberKernels.minOrMax(min, a.eval(frame), b.eval(frame), frame);
                }
                case COALESCE -> {
                    List<NumberNode> nodes = arguments.stream().map(this::number).toList();
                    return frame -> {
                        Numbers result = nodes.get(0).eval(frame);
                        for (int i = 1; i < nodes.size(); i++) {
                            result = NumberKernels.coalesce(result, nodes.get(i).eval(frame), frame);
                        }
                        return result;
                    };
                }
                case DAYS_SINCE -> {
                    DateNode date = date(arguments.get(0));
                    return frame -> DateKernels.daysBetween(date.eval(frame), Dates.constant(frame.asOfDay(), frame),
                            frame);
                }
                case DAYS_BETWEEN -> {
                    DateNode from = date(arguments.get(0));
                    DateNode to = date(arguments.get(1));
                    return frame -> DateKernels.daysBetween(from.eval(frame), to.eval(frame), frame);
                }
                default -> throw unexpected(e);
            }
        }
        throw unexpected(e);
    }

    DateNode date(Expr e) {
        if (e instanceof Expr.DateLiteral literal) {
            int day = (int) literal.value().toEpochDay();
            return frame -> Dates.constant(day, frame);
        }
        if (e instanceof Expr.Feature feature) {
            String name = feature.name();
            return frame -> {
                DateColumn column = column(frame, name, DateColumn.class);
                return new Dates(column.epochDays(), frame.words(column.nulls()));
            };
        }
        if (e instanceof Expr.Arithmetic shift) {
            DateNode date = date(shift.left());
            int amount = RuleChecker.dayShift(shift.right()).orElseThrow(() -> unexpected(e));
            int days = shift.operator() == ArithmeticOperator.SUBTRACT ? -amount : amount;
            return frame -> DateKernels.shift(date.eval(frame), days, frame);
        }
        if (e instanceof Expr.Call call && call.function() == Function.TODAY) {
            return frame -> Dates.constant(frame.asOfDay(), frame);
        }
        if (e instanceof Expr.Call call && call.function() == Function.COALESCE) {
            List<DateNode> nodes = call.arguments().stream().map(this::date).toList();
            return frame -> {
                Dates result = nodes.get(0).eval(frame);
                for (int i = 1; i < nodes.size(); i++) {
                    result = DateKernels.coalesce(result, nodes.get(i).eval(frame));
                }
                return result;
            };
        }
        throw unexpected(e);
    }

    TextNode text(Expr e) {
        if (e instanceof Expr.TextLiteral literal) {
            String value = literal.value();
            return frame -> {
                String[] values = new String[frame.rows()];
                Arrays.fill(values, value);
                return values;
            };
        }
        if (e instanceof Expr.Feature feature) {
            String name = feature.name();
            return frame -> column(frame, name, TextColumn.class).values();
        }
        if (e instanceof Expr.Call call && call.function() == Function.COALESCE) {
            List<TextNode> nodes = call.arguments().stream().map(this::text).toList();
            return frame -> {
                String[] result = nodes.get(0).eval(frame).clone();
                for (int i = 1; i < nodes.size(); i++) {
                    String[] next = nodes.get(i).eval(frame);
                    for (int row = 0; row < result.length; row++) {
                        result[row] = Objects.requireNonNullElse(result[row], next[row]);
                    }
                }
                return result;
            };
        }
        throw unexpected(e);
    }

    /** True when the subexpression reads no feature, so its value is the same for every row. */
    static boolean isConstant(Expr e) {
        if (e instanceof Expr.Feature) {
            return false;
        }
        if (e instanceof Expr.Negate negate) {
            return isConstant(negate.operand());
        }
        if (e instanceof Expr.Arithmetic arithmetic) {
            return isConstant(arithmetic.left()) && isConstant(arithmetic.right());
        }
        if (e instanceof Expr.Call call) {
            return call.function() != Function.HAS_TAG && call.arguments().stream().allMatch(VectorCompiler::isConstant);
        }
        return e instanceof Expr.NumberLiteral || e instanceof Expr.DateLiteral || e instanceof Expr.TextLiteral
                || e instanceof Expr.BooleanLiteral;
    }

    private static Double scalar(NumberNode constant, Frame frame) {
        Numbers value = constant.eval(Frame.scalar(frame.asOfDay()));
        return value.isNull(0) ? null : value.values()[0];
    }

    private static Integer scalar(DateNode constant, Frame frame) {
        Dates value = constant.eval(Frame.scalar(frame.asOfDay()));
        return value.isNull(0) ? null : value.days()[0];
    }

    private static <C extends Column> C column(Frame frame, String name, Class<C> type) {
        Column column = frame.table().column(name);
        if (!type.isInstance(column)) {
            throw new IllegalStateException("feature `" + name + "` is declared as " + type.getSimpleName()
                    .replace("Column", "").toLowerCase() + " but the feature table holds a "
                    + column.getClass().getSimpleName());
        }
        return type.cast(column);
    }

    private IllegalStateException unexpected(Expr e) {
        return new IllegalStateException("the type checker let through a node the evaluator cannot handle: " + e);
    }
}
