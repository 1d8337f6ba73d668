package org.strata.engine.rule;

import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;

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
            checker.error(parsed.expr(), "a rule must be a condition (true or false), but this is "
                    + type.described() + "; compare it with something, e.g. `" + checker.text(parsed.expr())
                    + (type == RuleType.TEXT ? " = 'x'`" : type == RuleType.DATE ? " >= today() - 30`" : " > 0`"));
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
        sink.error(parsed.spanOf(feature), "unknown feature `" + text(feature) + "`" + closest
                        .map(f -> "; did you mean `" + f.name() + "`" + label(f) + "?").orElse(""),
                closest.map(FeatureDefinition::name).orElse(null));
        return RuleType.ERROR;
    }

    private static String label(FeatureDefinition feature) {
        return feature.labelZh() == null || feature.labelZh().isBlank() ? "" : " (" + feature.labelZh() + ")";
    }

    /** The type of an operand used as a value: tags are not values, they are only tested with has_tag. */
    private RuleType value(Expr expr) {
        RuleType type = typeOf(expr);
        if (type == RuleType.TAGS) {
            error(expr, "`" + text(expr) + "` holds tags; test one with has_tag('vip')");
            return RuleType.ERROR;
        }
        return type;
    }

    private boolean expect(Expr operand, RuleType expected, String context) {
        RuleType type = value(operand);
        if (type == RuleType.ERROR || type == expected) {
            return type == expected;
        }
        error(operand, context + " needs " + expected.described() + " but `" + text(operand) + "` is "
                + type.described());
        return false;
    }

    private RuleType arithmetic(Expr.Arithmetic arithmetic) {
        String operator = "`" + arithmetic.operator().symbol() + "`";
        RuleType left = value(arithmetic.left());
        boolean additive = !arithmetic.operator().isMultiplicative();
        if (left == RuleType.DATE && additive) {
            RuleType right = value(arithmetic.right());
            if (right == RuleType.DATE && arithmetic.operator() == ArithmeticOperator.SUBTRACT) {
                error(arithmetic, "subtracting dates is not supported: count the days with days_between(from, to)"
                        + " or days_since(date)");
                return RuleType.ERROR;
            }
            if (right != RuleType.ERROR && dayShift(arithmetic.right()).isEmpty()) {
                error(arithmetic.right(), "only a whole number of days can be added to or subtracted from a date,"
                        + " like `today() - 30`");
                return RuleType.ERROR;
            }
            return right == RuleType.ERROR ? RuleType.ERROR : RuleType.DATE;
        }
        boolean leftOk = left == RuleType.NUMBER;
        if (left != RuleType.ERROR && !leftOk) {
            error(arithmetic.left(), operator + " needs numbers but `" + text(arithmetic.left()) + "` is "
                    + left.described());
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
            error(comparison.right(), "expected " + left.described() + " after `" + operator.symbol()
                    + "` but found " + shown(comparison.right(), right));
        } else if (operator.isOrdering() && (left == RuleType.TEXT || left == RuleType.BOOLEAN)) {
            error(comparison, "`" + operator.symbol() + "` cannot order " + (left == RuleType.TEXT
                    ? "text; compare text with =, !=, in, contains or starts_with"
                    : "true/false values; use = or !="));
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
                error(candidate, "an `in` list holds constants (numbers, texts in quotes, dates, true/false) but"
                        + " found `" + text(candidate) + "`");
            } else if (value != RuleType.ERROR && type != value) {
                error(candidate, "expected " + value.described() + " in the `in` list of `" + text(in.value())
                        + "` but found " + shown(candidate, type));
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
            error(between.value(), "`between` needs a number or a date but `" + text(between.value()) + "` is "
                    + value.described());
            value = RuleType.ERROR;
        }
        for (Expr end : List.of(between.low(), between.high())) {
            RuleType type = value(end);
            if (value != RuleType.ERROR && type != RuleType.ERROR && type != value) {
                error(end, "expected " + value.described() + " as an end of `between` but found " + shown(end, type));
            }
        }
        return RuleType.BOOLEAN;
    }

    private RuleType call(Expr.Call call) {
        Function function = call.function();
        List<Expr> arguments = call.arguments();
        if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
            arguments.forEach(this::typeOf);
            error(call, "`" + function.ruleName() + "` takes " + arity(function) + " (" + function.signature()
                    + ") but got " + arguments.size());
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

    private static String arity(Function function) {
        int min = function.minArguments();
        int max = function.maxArguments();
        String count = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? min + " or more"
                : min + " or " + max;
        return count + (min == 1 && max == 1 ? " argument" : " arguments");
    }

    private RuleType coalesce(Expr.Call call) {
        RuleType first = RuleType.ERROR;
        for (Expr argument : call.arguments()) {
            RuleType type = value(argument);
            if (first == RuleType.ERROR) {
                first = type;
            } else if (type != RuleType.ERROR && type != first) {
                error(argument, "`coalesce` needs values of one type: expected " + first.described()
                        + " but found " + shown(argument, type));
            }
        }
        return first;
    }

    private RuleType hasTag(Expr.Call call) {
        List<Expr> arguments = call.arguments();
        Expr tag = arguments.get(arguments.size() - 1);
        if (!(tag instanceof Expr.TextLiteral)) {
            error(tag, "`has_tag` needs the tag as a text in quotes, like has_tag('vip')");
        } else {
            types.put(tag, RuleType.TEXT);
        }
        if (arguments.size() == 2) {
            Expr feature = arguments.get(0);
            RuleType type = typeOf(feature);
            if (type != RuleType.ERROR && type != RuleType.TAGS) {
                error(feature, "`has_tag` tests a tags feature but `" + text(feature) + "` is " + type.described());
            }
            return RuleType.BOOLEAN;
        }
        List<FeatureDefinition> tagFeatures = catalog.ofType(FeatureType.TAGS);
        if (tagFeatures.isEmpty()) {
            error(call, "no tags feature is declared, so `has_tag` cannot be used");
        } else if (tagFeatures.size() > 1) {
            error(call, "several tags features are declared; name one: has_tag(" + tagFeatures.get(0).name()
                    + ", '" + (tag instanceof Expr.TextLiteral t ? t.value() : "vip") + "')");
        }
        return RuleType.BOOLEAN;
    }

    /** How an operand reads in "but found …": a literal shows itself, anything else also says its type. */
    private String shown(Expr expr, RuleType type) {
        String text = "`" + text(expr) + "`";
        return isConstant(expr) ? text : text + " (" + type.described() + ")";
    }

    private String text(Expr expr) {
        Span span = parsed.spanOf(expr);
        String text = source.substring(span.start(), span.end());
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    private void error(Expr at, String message) {
        sink.error(parsed.spanOf(at), message);
    }
}
