package org.strata.engine.rule;

import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;
import org.strata.engine.i18n.Message;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a rule and checks every name and type against the feature declarations, reporting all problems at once.
 * A node whose type could not be decided gets {@link RuleType#ERROR}, which every check accepts silently, so one
 * mistake is reported once and not again by each enclosing operator.
 */
public final class RuleChecker {

    /** The largest day shift accepted in {@code date ± n}; keeps date arithmetic far from any overflow. */
    static final int MAX_DAY_SHIFT = 1_000_000;

    private final String source;
    private final FeatureCatalog catalog;
    private final DiagnosticSink sink;
    private final ParsedRule parsed;
    private final Map<Expr, RuleType> types = new IdentityHashMap<>();

    private RuleChecker(String source, FeatureCatalog catalog, DiagnosticSink sink, ParsedRule parsed) {
        this.source = source;
        this.catalog = catalog;
        this.sink = sink;
        this.parsed = parsed;
    }

    public static RuleCheck check(String source, FeatureCatalog catalog) {
        DiagnosticSink sink = new DiagnosticSink(source);
        ParsedRule parsed = RuleParser.parse(source, sink);
        RuleChecker checker = new RuleChecker(source, catalog, sink, parsed);
        boolean syntaxErrors = sink.hasErrors();
        RuleType type = checker.typeOf(parsed.expr());
        // after a syntax error the tree is only part of what was meant, so its overall type says nothing
        if (!syntaxErrors && type != RuleType.BOOLEAN && type != RuleType.ERROR) {
            checker.error(parsed.expr(), RuleError.NOT_A_CONDITION.with(type.described(), checker.text(parsed.expr())
                    + (type == RuleType.TEXT ? " = 'x'" : type == RuleType.DATE ? " >= today() - 30" : " > 0")));
        }
        if (sink.hasErrors()) {
            return new RuleCheck(Optional.empty(), sink.diagnostics());
        }
        return new RuleCheck(Optional.of(new Rule(source, parsed.expr(), catalog, checker.types, parsed.spans())),
                List.of());
    }

    private RuleType typeOf(Expr expr) {
        RuleType type = expr.accept(typing);
        types.put(expr, type);
        return type;
    }

    private final Expr.Visitor<RuleType> typing = new Expr.Visitor<>() {
        @Override
        public RuleType visitNumberLiteral(Expr.NumberLiteral node) {
            return RuleType.NUMBER;
        }

        @Override
        public RuleType visitTextLiteral(Expr.TextLiteral node) {
            return RuleType.TEXT;
        }

        @Override
        public RuleType visitBooleanLiteral(Expr.BooleanLiteral node) {
            return RuleType.BOOLEAN;
        }

        @Override
        public RuleType visitDateLiteral(Expr.DateLiteral node) {
            return RuleType.DATE;
        }

        @Override
        public RuleType visitInvalid(Expr.Invalid node) {
            return RuleType.ERROR;
        }

        @Override
        public RuleType visitFeature(Expr.Feature node) {
            return feature(node);
        }

        @Override
        public RuleType visitNegate(Expr.Negate node) {
            return expect(node.operand(), RuleType.NUMBER, "`-`") ? RuleType.NUMBER : RuleType.ERROR;
        }

        @Override
        public RuleType visitArithmetic(Expr.Arithmetic node) {
            return arithmetic(node);
        }

        @Override
        public RuleType visitComparison(Expr.Comparison node) {
            return comparison(node);
        }

        @Override
        public RuleType visitIn(Expr.In node) {
            return in(node);
        }

        @Override
        public RuleType visitBetween(Expr.Between node) {
            return between(node);
        }

        @Override
        public RuleType visitIsNull(Expr.IsNull node) {
            value(node.value());
            return RuleType.BOOLEAN;
        }

        @Override
        public RuleType visitTextMatch(Expr.TextMatch node) {
            expect(node.text(), RuleType.TEXT, "`" + node.operator().keyword() + "`");
            return RuleType.BOOLEAN;
        }

        @Override
        public RuleType visitLogical(Expr.Logical node) {
            String keyword = "`" + node.operator().keyword() + "`";
            for (Expr operand : node.operands()) {
                expect(operand, RuleType.BOOLEAN, keyword);
            }
            return RuleType.BOOLEAN;
        }

        @Override
        public RuleType visitNot(Expr.Not node) {
            expect(node.operand(), RuleType.BOOLEAN, "`not`");
            return RuleType.BOOLEAN;
        }

        @Override
        public RuleType visitCall(Expr.Call node) {
            return call(node);
        }
    };

    private RuleType feature(Expr.Feature feature) {
        Optional<FeatureDefinition> declared = catalog.find(feature.name());
        if (declared.isPresent()) {
            return RuleType.of(declared.get().type());
        }
        Optional<FeatureDefinition> closest = catalog.closest(feature.name());
        sink.error(parsed.spanOf(feature), closest.map(f -> unknownFeature(text(feature), f))
                        .orElseGet(() -> RuleError.UNKNOWN_FEATURE.with(text(feature))),
                closest.map(FeatureDefinition::name).orElse(null));
        return RuleType.ERROR;
    }

    /** "did you mean `monetary` (消费金额)?": the Chinese label helps whoever typed the label rather than the name. */
    private static Message unknownFeature(String typed, FeatureDefinition meant) {
        return meant.labelZh() == null || meant.labelZh().isBlank()
                ? RuleError.UNKNOWN_FEATURE_DID_YOU_MEAN.with(typed, meant.name())
                : RuleError.UNKNOWN_FEATURE_DID_YOU_MEAN_LABELLED.with(typed, meant.name(), meant.labelZh());
    }

    /** The type of an operand used as a value: tags are not values, they are only tested with has_tag. */
    private RuleType value(Expr expr) {
        RuleType type = typeOf(expr);
        if (type == RuleType.TAGS) {
            error(expr, RuleError.TAGS_NOT_A_VALUE.with(text(expr)));
            return RuleType.ERROR;
        }
        return type;
    }

    private boolean expect(Expr operand, RuleType expected, String context) {
        RuleType type = value(operand);
        if (type == RuleType.ERROR || type == expected) {
            return type == expected;
        }
        mismatch(operand, expected, context, type);
        return false;
    }

    // Kept out of expect(): expect() recurses once per `and` of a long rule, so its stack frame must stay small.
    private void mismatch(Expr operand, RuleType expected, String context, RuleType found) {
        error(operand, RuleError.NEEDS_TYPE.with(context, expected.described(), text(operand), found.described()));
    }

    private RuleType arithmetic(Expr.Arithmetic arithmetic) {
        String operator = "`" + arithmetic.operator().symbol() + "`";
        RuleType left = value(arithmetic.left());
        boolean additive = !arithmetic.operator().isMultiplicative();
        if (left == RuleType.DATE && additive) {
            RuleType right = value(arithmetic.right());
            if (right == RuleType.DATE && arithmetic.operator() == ArithmeticOperator.SUBTRACT) {
                error(arithmetic, RuleError.DATE_SUBTRACTION.with());
                return RuleType.ERROR;
            }
            if (right != RuleType.ERROR && dayShift(arithmetic.right()).isEmpty()) {
                error(arithmetic.right(), RuleError.DATE_SHIFT_WHOLE_DAYS.with());
                return RuleType.ERROR;
            }
            return right == RuleType.ERROR ? RuleType.ERROR : RuleType.DATE;
        }
        boolean leftOk = left == RuleType.NUMBER;
        if (left != RuleType.ERROR && !leftOk) {
            error(arithmetic.left(), RuleError.NEEDS_NUMBERS.with(operator, text(arithmetic.left()), left.described()));
        }
        boolean rightOk = expect(arithmetic.right(), RuleType.NUMBER, operator);
        return leftOk && rightOk ? RuleType.NUMBER : RuleType.ERROR;
    }

    /** The days of a {@code date ± n} shift: n must be a whole-number constant, so both back ends shift alike. */
    public static Optional<Integer> dayShift(Expr amount) {
        double value;
        if (amount instanceof Expr.NumberLiteral literal) {
            value = literal.value();
        } else if (amount instanceof Expr.Negate negate && negate.operand() instanceof Expr.NumberLiteral literal) {
            value = -literal.value();
        } else {
            return Optional.empty();
        }
        if (value != Math.rint(value) || Math.abs(value) > MAX_DAY_SHIFT) {
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    private RuleType comparison(Expr.Comparison comparison) {
        ComparisonOperator operator = comparison.operator();
        RuleType left = value(comparison.left());
        RuleType right = value(comparison.right());
        if (left == RuleType.ERROR || right == RuleType.ERROR) {
            return RuleType.BOOLEAN;
        }
        if (left != right) {
            error(comparison.right(), RuleError.COMPARISON_MISMATCH.with(left.described(), operator.symbol(),
                    shown(comparison.right(), right)));
        } else if (operator.isOrdering() && (left == RuleType.TEXT || left == RuleType.BOOLEAN)) {
            error(comparison, (left == RuleType.TEXT ? RuleError.CANNOT_ORDER_TEXT : RuleError.CANNOT_ORDER_BOOLEANS)
                    .with(operator.symbol()));
        }
        return RuleType.BOOLEAN;
    }

    private RuleType in(Expr.In in) {
        RuleType value = value(in.value());
        for (Expr candidate : in.candidates()) {
            RuleType type = value(candidate);
            if (type == RuleType.ERROR) {
                continue;
            }
            if (!isConstant(candidate)) {
                error(candidate, RuleError.IN_LIST_NOT_CONSTANT.with(text(candidate)));
            } else if (value != RuleType.ERROR && type != value) {
                error(candidate, RuleError.IN_LIST_MISMATCH.with(value.described(), text(in.value()),
                        shown(candidate, type)));
            }
        }
        return RuleType.BOOLEAN;
    }

    private static boolean isConstant(Expr expr) {
        return expr instanceof Expr.NumberLiteral || expr instanceof Expr.TextLiteral
                || expr instanceof Expr.BooleanLiteral || expr instanceof Expr.DateLiteral
                || expr instanceof Expr.Negate negate && negate.operand() instanceof Expr.NumberLiteral;
    }

    private RuleType between(Expr.Between between) {
        RuleType value = value(between.value());
        if (value != RuleType.ERROR && value != RuleType.NUMBER && value != RuleType.DATE) {
            error(between.value(), RuleError.BETWEEN_TYPE.with(text(between.value()), value.described()));
            value = RuleType.ERROR;
        }
        for (Expr end : List.of(between.low(), between.high())) {
            RuleType type = value(end);
            if (value != RuleType.ERROR && type != RuleType.ERROR && type != value) {
                error(end, RuleError.BETWEEN_END_MISMATCH.with(value.described(), shown(end, type)));
            }
        }
        return RuleType.BOOLEAN;
    }

    private RuleType call(Expr.Call call) {
        Function function = call.function();
        List<Expr> arguments = call.arguments();
        if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
            arguments.forEach(this::typeOf);
            error(call, RuleError.FUNCTION_ARITY.with(function.ruleName(), arity(function), function.signature(),
                    arguments.size()));
            return RuleType.ERROR;
        }
        String name = "`" + function.ruleName() + "`";
        return switch (function) {
            case TODAY -> RuleType.DATE;
            case DAYS_SINCE -> expect(arguments.get(0), RuleType.DATE, name) ? RuleType.NUMBER : RuleType.ERROR;
            case DAYS_BETWEEN -> expect(arguments.get(0), RuleType.DATE, name)
                    & expect(arguments.get(1), RuleType.DATE, name) ? RuleType.NUMBER : RuleType.ERROR;
            case ABS -> expect(arguments.get(0), RuleType.NUMBER, name) ? RuleType.NUMBER : RuleType.ERROR;
            case MIN, MAX -> expect(arguments.get(0), RuleType.NUMBER, name)
                    & expect(arguments.get(1), RuleType.NUMBER, name) ? RuleType.NUMBER : RuleType.ERROR;
            case COALESCE -> coalesce(call);
            case HAS_TAG -> hasTag(call);
        };
    }

    private static Message arity(Function function) {
        int min = function.minArguments();
        int max = function.maxArguments();
        if (min == max) {
            return min == 1 ? RuleError.ARITY_ONE.with() : RuleError.ARITY_EXACTLY.with(min);
        }
        return max == Integer.MAX_VALUE ? RuleError.ARITY_AT_LEAST.with(min) : RuleError.ARITY_RANGE.with(min, max);
    }

    private RuleType coalesce(Expr.Call call) {
        RuleType first = RuleType.ERROR;
        for (Expr argument : call.arguments()) {
            RuleType type = value(argument);
            if (first == RuleType.ERROR) {
                first = type;
            } else if (type != RuleType.ERROR && type != first) {
                error(argument, RuleError.COALESCE_MISMATCH.with(first.described(), shown(argument, type)));
            }
        }
        return first;
    }

    private RuleType hasTag(Expr.Call call) {
        List<Expr> arguments = call.arguments();
        Expr tag = arguments.get(arguments.size() - 1);
        if (!(tag instanceof Expr.TextLiteral)) {
            error(tag, RuleError.HAS_TAG_NEEDS_TEXT.with());
        } else {
            types.put(tag, RuleType.TEXT);
        }
        if (arguments.size() == 2) {
            Expr feature = arguments.get(0);
            RuleType type = typeOf(feature);
            if (type != RuleType.ERROR && type != RuleType.TAGS) {
                error(feature, RuleError.HAS_TAG_NOT_TAGS.with(text(feature), type.described()));
            }
            return RuleType.BOOLEAN;
        }
        List<FeatureDefinition> tagFeatures = catalog.ofType(FeatureType.TAGS);
        if (tagFeatures.isEmpty()) {
            error(call, RuleError.NO_TAGS_FEATURE.with());
        } else if (tagFeatures.size() > 1) {
            error(call, RuleError.SEVERAL_TAGS_FEATURES.with(tagFeatures.get(0).name(),
                    tag instanceof Expr.TextLiteral t ? t.value() : "vip"));
        }
        return RuleType.BOOLEAN;
    }

    /** How an operand reads in "but found …": a literal shows itself, anything else also says its type. */
    private Message shown(Expr expr, RuleType type) {
        return isConstant(expr) ? Message.literal("`" + text(expr) + "`")
                : RuleError.SHOWN_WITH_TYPE.with(text(expr), type.described());
    }

    private String text(Expr expr) {
        Span span = parsed.spanOf(expr);
        String text = source.substring(span.start(), span.end());
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    private void error(Expr at, Message message) {
        sink.error(parsed.spanOf(at), message);
    }
}
