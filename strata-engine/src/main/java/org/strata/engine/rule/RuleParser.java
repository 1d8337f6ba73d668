package org.strata.engine.rule;

import org.strata.engine.i18n.Message;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive descent parser. Precedence from loosest to tightest: {@code or}, {@code and}, {@code not}, a predicate
 * (comparison, in, between, is null, contains, starts_with; not chainable), {@code + -}, {@code * /}, unary minus.
 * After a syntax error it skips to the next {@code and}, {@code or} or {@code )} and goes on, so one pass reports
 * every independent mistake.
 */
public final class RuleParser {

    private static final Set<TokenKind> COMPARISONS = EnumSet.of(TokenKind.EQUAL, TokenKind.NOT_EQUAL,
            TokenKind.LESS, TokenKind.LESS_OR_EQUAL, TokenKind.GREATER, TokenKind.GREATER_OR_EQUAL);
    private static final Set<TokenKind> ARITHMETIC = EnumSet.of(TokenKind.PLUS, TokenKind.MINUS, TokenKind.STAR, TokenKind.SLASH);
    private static final Set<TokenKind> VALUE_STARTS = EnumSet.of(TokenKind.NUMBER, TokenKind.STRING,
            TokenKind.IDENTIFIER, TokenKind.TRUE, TokenKind.FALSE, TokenKind.NULL, TokenKind.LEFT_PAREN,
            TokenKind.MINUS, TokenKind.NOT);

    /** Limits that keep every recursive pass (checker, printer, back ends) far from a stack overflow. */
    static final int MAX_TOKENS = 4000;
    static final int MAX_NESTING = 100;
    /**
     * Each + - * / (and unary minus) adds a level to the tree that every pass walks recursively, so their number, not
     * the rule's length, bounds how deep an arithmetic expression gets; 200 is far beyond any real rule.
     */
    static final int MAX_ARITHMETIC_OPERATORS = 200;

    private static final List<String> KEYWORDS_AFTER_A_VALUE = List.of("and", "or", "not", "in", "between", "is",
            "contains", "starts_with");

    /** Unwinds all the way out: the rule is too big to read safely, which was reported once. */
    private static final class TooBig extends RuntimeException {
        TooBig() {
            super(null, null, false, false);
        }
    }

    /** Unwinds to the nearest recovery point after a syntax error has been reported. */
    private static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private final DiagnosticSink sink;
    private final Map<Expr, Span> spans = new IdentityHashMap<>();
    private int index;
    /** The end of the rule is reported once: "(a = " lacks both a value and a ")", but one message says it. */
    private boolean endReported;
    private int nesting;

    private RuleParser(String source, List<Token> tokens, DiagnosticSink sink) {
        this.source = source;
        this.tokens = tokens;
        this.sink = sink;
    }

    /** Parses a rule without checking it against feature declarations; see {@link RuleChecker#check}. */
    public static ParsedRule parse(String source) {
        DiagnosticSink sink = new DiagnosticSink(source);
        ParsedRule parsed = parse(source, sink);
        return new ParsedRule(source, parsed.expr(), parsed.spans(), sink.diagnostics());
    }

    static ParsedRule parse(String source, DiagnosticSink sink) {
        RuleParser parser = new RuleParser(source, RuleLexer.tokenize(source, sink), sink);
        Expr expr = parser.rule();
        return new ParsedRule(source, expr, parser.spans, List.of());
    }

    private Expr rule() {
        if (tokens.size() > MAX_TOKENS) {
            sink.error(tokens.get(MAX_TOKENS).span(), RuleError.TOO_LONG.with(MAX_TOKENS));
            return at(new Expr.Invalid(), new Span(0, source.length()));
        }
        List<Token> arithmetic = tokens.stream().filter(token -> ARITHMETIC.contains(token.kind())).toList();
        if (arithmetic.size() > MAX_ARITHMETIC_OPERATORS) {
            sink.error(arithmetic.get(MAX_ARITHMETIC_OPERATORS).span(),
                    RuleError.TOO_MANY_OPERATORS.with(MAX_ARITHMETIC_OPERATORS));
            return at(new Expr.Invalid(), new Span(0, source.length()));
        }
        try {
            return ruleBody();
        } catch (TooBig tooBig) {
            return at(new Expr.Invalid(), new Span(0, source.length()));
        }
    }

    private Expr ruleBody() {
        if (peek().kind() == TokenKind.END) {
            sink.error(peek().span(), RuleError.EMPTY.with());
            return at(new Expr.Invalid(), peek().span());
        }
        Expr expr = or();
        // Whatever follows a complete condition is reported once per stretch; what comes after the next `and` /
        // `or` is parsed for its own errors (and then dropped: the rule is invalid anyway).
        while (peek().kind() != TokenKind.END) {
            Token extra = advance();
            boolean connective = extra.kind() == TokenKind.BAD || reportLeftover(extra);
            if (!connective) {
                synchronize();
                if (!match(TokenKind.AND) && !match(TokenKind.OR)) {
                    continue;
                }
            }
            if (VALUE_STARTS.contains(peek().kind())) {
                or();
            }
        }
        return expr;
    }

    /**
     * Reports a token after a complete condition. A word there is most often a misspelt keyword ("adn") or SQL's
     * LIKE; returns whether it reads as a misspelt {@code and} / {@code or}, so parsing can go on behind it.
     */
    private boolean reportLeftover(Token extra) {
        if (extra.kind() == TokenKind.RIGHT_PAREN) {
            sink.error(extra.span(), RuleError.UNMATCHED_CLOSE.with());
            return false;
        }
        if (extra.kind() == TokenKind.IDENTIFIER && extra.value().equals("like")) {
            sink.error(extra.span(), RuleError.NO_LIKE.with());
            return false;
        }
        Optional<String> keyword = extra.kind() == TokenKind.IDENTIFIER
                ? NameSuggester.closest(extra.value(), KEYWORDS_AFTER_A_VALUE) : Optional.empty();
        sink.error(extra.span(), keyword.map(k -> RuleError.LEFTOVER_DID_YOU_MEAN.with(extra.shown(), k))
                .orElseGet(() -> RuleError.LEFTOVER.with(extra.shown())), keyword.orElse(null));
        return keyword.filter(k -> k.equals("and") || k.equals("or")).isPresent();
    }

    /*
     * or() and conjunction() each loop over a chain and recover inline rather than through helper methods: every
     * frame between here and primary() is paid once per level of parentheses, and nesting is what bounds the stack.
     */
    private Expr or() {
        enter();
        try {
            List<Expr> operands = new ArrayList<>(List.of(conjunction()));
            while (match(TokenKind.OR)) {
                operands.add(conjunction());
            }
            return chain(LogicalOperator.OR, operands);
        } finally {
            nesting--;
        }
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            sink.error(peek().span(), RuleError.TOO_DEEP.with(MAX_NESTING));
            throw new TooBig();
        }
    }

    /** Each conjunct is a recovery point: one that fails to parse becomes Invalid and parsing resumes after it. */
    private Expr conjunction() {
        List<Expr> operands = new ArrayList<>();
        do {
            int start = peek().span().start();
            try {
                operands.add(not());
            } catch (Bail bail) {
                synchronize();
                operands.add(at(new Expr.Invalid(), new Span(start, Math.max(start, previousEnd()))));
            }
        } while (match(TokenKind.AND));
        return chain(LogicalOperator.AND, operands);
    }

    /** A whole chain becomes one node (see {@link Expr.Logical}), spanning its first to its last operand. */
    private Expr chain(LogicalOperator operator, List<Expr> operands) {
        if (operands.size() == 1) {
            return operands.get(0);
        }
        Span span = spanOf(operands.get(0)).to(spanOf(operands.get(operands.size() - 1)));
        return at(new Expr.Logical(operator, operands), span);
    }

    private void synchronize() {
        int depth = 0;
        while (true) {
            TokenKind kind = peek().kind();
            if (kind == TokenKind.END) {
                return;
            }
            if (depth == 0 && (kind == TokenKind.AND || kind == TokenKind.OR || kind == TokenKind.RIGHT_PAREN)) {
                return;
            }
            if (kind == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (kind == TokenKind.RIGHT_PAREN) {
                depth--;
            }
            advance();
        }
    }

    private Expr not() {
        if (peek().kind() == TokenKind.NOT) {
            Token keyword = advance();
            Expr operand;
            enter();
            try {
                operand = not();
            } finally {
                nesting--;
            }
            return at(new Expr.Not(operand), keyword.span().to(spanOf(operand)));
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Expr result = predicateTail(left);
        if (COMPARISONS.contains(peek().kind()) || peek().kind() == TokenKind.BETWEEN
                || peek().kind() == TokenKind.IN) {
            sink.error(peek().span(), RuleError.CHAINED.with());
            throw new Bail();
        }
        return result;
    }

    private Expr predicateTail(Expr left) {
        Token operator = peek();
        if (COMPARISONS.contains(operator.kind())) {
            advance();
            if (peek().kind() == TokenKind.NULL) {
                Token nullToken = advance();
                boolean equal = operator.kind() == TokenKind.EQUAL;
                sink.error(operator.span().to(nullToken.span()),
                        RuleError.COMPARED_WITH_NULL.with(operator.text(), equal ? "is null" : "is not null"));
                return at(new Expr.Invalid(), spanOf(left).to(nullToken.span()));
            }
            Expr right = operand(operator);
            return at(new Expr.Comparison(comparison(operator.kind()), left, right), spanOf(left).to(spanOf(right)));
        }
        boolean negated = false;
        if (operator.kind() == TokenKind.NOT) {
            advance();
            negated = true;
            if (peek().kind() != TokenKind.IN && peek().kind() != TokenKind.BETWEEN) {
                sink.error(peek().span(), RuleError.EXPECTED_IN_OR_BETWEEN.with(peek().shown()));
                throw new Bail();
            }
        }
        return switch (peek().kind()) {
            case IN -> in(left, negated);
            case BETWEEN -> between(left, negated);
            case IS -> isNull(left);
            case CONTAINS, STARTS_WITH -> textMatch(left);
            default -> left;
        };
    }

    private Expr in(Expr value, boolean negated) {
        Token keyword = advance();
        expect(TokenKind.LEFT_PAREN, RuleError.PURPOSE_IN_LIST.with(), keyword);
        List<Expr> candidates = new ArrayList<>();
        if (peek().kind() == TokenKind.RIGHT_PAREN) {
            sink.error(peek().span(), RuleError.EMPTY_IN_LIST.with());
        } else {
            do {
                candidates.add(operand(keyword));
            } while (match(TokenKind.COMMA));
        }
        Token close = expect(TokenKind.RIGHT_PAREN, RuleError.PURPOSE_CLOSE_IN_LIST.with(), keyword);
        return at(new Expr.In(value, candidates, negated), spanOf(value).to(close.span()));
    }

    private Expr between(Expr value, boolean negated) {
        Token keyword = advance();
        Expr low = operand(keyword);
        expect(TokenKind.AND, RuleError.PURPOSE_BETWEEN_AND.with(), keyword);
        Expr high = operand(keyword);
        Expr between = at(new Expr.Between(value, low, high), spanOf(value).to(spanOf(high)));
        return negated ? at(new Expr.Not(between), spanOf(between)) : between;
    }

    private Expr isNull(Expr value) {
        Token keyword = advance();
        boolean negated = match(TokenKind.NOT);
        Token nullToken = expect(TokenKind.NULL, RuleError.PURPOSE_AFTER.with(negated ? "is not" : "is"), keyword);
        return at(new Expr.IsNull(value, negated), spanOf(value).to(nullToken.span()));
    }

    private Expr textMatch(Expr text) {
        Token keyword = advance();
        TextMatchOperator operator = keyword.kind() == TokenKind.CONTAINS
                ? TextMatchOperator.CONTAINS : TextMatchOperator.STARTS_WITH;
        Token pattern = peek();
        if (pattern.kind() != TokenKind.STRING) {
            if (pattern.kind() != TokenKind.BAD) {
                sink.error(pattern.span(), RuleError.EXPECTED_TEXT_AFTER.with(keyword.text(), pattern.shown()));
            }
            throw new Bail();
        }
        advance();
        return at(new Expr.TextMatch(operator, text, pattern.value()), spanOf(text).to(pattern.span()));
    }

    /** An operand that must follow {@code after}; a missing one is reported as "expected a value after …". */
    private Expr operand(Token after) {
        if (!VALUE_STARTS.contains(peek().kind()) || peek().kind() == TokenKind.NOT) {
            reportMissingValue(after);
        }
        return additive();
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            Token operator = advance();
            Expr right = multiplicativeAfter(operator);
            ArithmeticOperator op = operator.kind() == TokenKind.PLUS
                    ? ArithmeticOperator.ADD : ArithmeticOperator.SUBTRACT;
            left = at(new Expr.Arithmetic(op, left, right), spanOf(left).to(spanOf(right)));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().kind() == TokenKind.STAR || peek().kind() == TokenKind.SLASH) {
            Token operator = advance();
            Expr right = unaryAfter(operator);
            ArithmeticOperator op = operator.kind() == TokenKind.STAR
                    ? ArithmeticOperator.MULTIPLY : ArithmeticOperator.DIVIDE;
            left = at(new Expr.Arithmetic(op, left, right), spanOf(left).to(spanOf(right)));
        }
        return left;
    }

    private Expr multiplicativeAfter(Token operator) {
        requireValueAfter(operator);
        return multiplicative();
    }

    private Expr unaryAfter(Token operator) {
        requireValueAfter(operator);
        return unary();
    }

    private void requireValueAfter(Token operator) {
        if (!VALUE_STARTS.contains(peek().kind()) || peek().kind() == TokenKind.NOT) {
            reportMissingValue(operator);
        }
    }

    private Expr unary() {
        if (peek().kind() == TokenKind.MINUS) {
            Token minus = advance();
            requireValueAfter(minus);
            Expr operand;
            enter();
            try {
                operand = unary();
            } finally {
                nesting--;
            }
            return at(new Expr.Negate(operand), minus.span().to(spanOf(operand)));
        }
        return primary();
    }

    private Expr primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                double value = Double.parseDouble(token.value());
                if (Double.isInfinite(value)) {
                    sink.error(token.span(), RuleError.NUMBER_TOO_LARGE.with(token.text()));
                    return at(new Expr.Invalid(), token.span());
                }
                return at(new Expr.NumberLiteral(value), token.span());
            }
            case STRING -> {
                advance();
                return at(new Expr.TextLiteral(token.value()), token.span());
            }
            case TRUE, FALSE -> {
                advance();
                return at(new Expr.BooleanLiteral(token.kind() == TokenKind.TRUE), token.span());
            }
            case NULL -> {
                advance();
                sink.error(token.span(), RuleError.NULL_NOT_A_VALUE.with());
                return at(new Expr.Invalid(), token.span());
            }
            case IDENTIFIER -> {
                advance();
                if (peek().kind() == TokenKind.LEFT_PAREN) {
                    return call(token);
                }
                return at(new Expr.Feature(token.value()), token.span());
            }
            case LEFT_PAREN -> {
                Token open = advance();
                Expr inner = or();
                expect(TokenKind.RIGHT_PAREN, RuleError.PURPOSE_CLOSE_PAREN.with(position(open)), open);
                return inner;
            }
            default -> {
                reportMissingValue(previous());
                throw new Bail();
            }
        }
    }

    private Expr call(Token name) {
        Token open = advance();
        List<Expr> arguments = new ArrayList<>();
        if (peek().kind() != TokenKind.RIGHT_PAREN) {
            do {
                arguments.add(or());
            } while (match(TokenKind.COMMA));
        }
        Token close = expect(TokenKind.RIGHT_PAREN, RuleError.PURPOSE_CLOSE_ARGUMENTS.with(name.text()), open);
        Span span = name.span().to(close.span());
        if (name.value().equals("date")) {
            return dateLiteral(name, arguments, span);
        }
        Optional<Function> function = Function.byName(name.value());
        if (function.isEmpty()) {
            List<String> known = new ArrayList<>(Function.names());
            known.add("date");
            Optional<String> closest = NameSuggester.closest(name.value(), known);
            sink.error(name.span(), closest.map(c -> RuleError.UNKNOWN_FUNCTION_DID_YOU_MEAN.with(name.text(), c))
                    .orElseGet(() -> RuleError.UNKNOWN_FUNCTION.with(name.text(), known)), closest.orElse(null));
            return at(new Expr.Invalid(), span);
        }
        return at(new Expr.Call(function.get(), arguments), span);
    }

    private Expr dateLiteral(Token name, List<Expr> arguments, Span span) {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof Expr.TextLiteral text)) {
            sink.error(span, RuleError.DATE_ARGUMENT.with());
            return at(new Expr.Invalid(), span);
        }
        try {
            return at(new Expr.DateLiteral(LocalDate.parse(text.value())), span);
        } catch (DateTimeParseException e) {
            sink.error(spanOf(arguments.get(0)), RuleError.NOT_A_DATE.with(text.value()));
            return at(new Expr.Invalid(), span);
        }
    }

    private void reportMissingValue(Token after) {
        Token found = peek();
        if (found.kind() == TokenKind.BAD || found.kind() == TokenKind.END && endReported) {
            throw new Bail(); // already said what is wrong there
        }
        endReported |= found.kind() == TokenKind.END;
        Message problem;
        if (found.kind() == TokenKind.END) {
            problem = after == null ? RuleError.END_EXPECTED_VALUE.with()
                    : RuleError.END_EXPECTED_VALUE_AFTER.with(after.text());
        } else {
            problem = after == null ? RuleError.EXPECTED_VALUE.with(found.shown())
                    : RuleError.EXPECTED_VALUE_AFTER.with(after.text(), found.shown());
        }
        sink.error(found.span(), problem);
        throw new Bail();
    }

    private Token expect(TokenKind kind, Message purpose, Token opener) {
        if (peek().kind() == kind) {
            return advance();
        }
        Token found = peek();
        if (found.kind() != TokenKind.BAD && !(found.kind() == TokenKind.END && endReported)) {
            endReported |= found.kind() == TokenKind.END;
            String expected = switch (kind) {
                case RIGHT_PAREN -> "`)`";
                case LEFT_PAREN -> "`(`";
                case AND -> "`and`";
                case NULL -> "`null`";
                default -> kind.name().toLowerCase();
            };
            sink.error(found.span(), found.kind() == TokenKind.END ? RuleError.END_EXPECTED_TOKEN.with(expected, purpose)
                    : RuleError.EXPECTED_TOKEN.with(expected, purpose, found.shown()));
        }
        if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.NULL) {
            // a missing closer is reported once; the rest of the rule can still be read
            return new Token(kind, "", "", new Span(previousEnd(), previousEnd()));
        }
        throw new Bail();
    }

    private String position(Token token) {
        int offset = token.span().start();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }

    private static ComparisonOperator comparison(TokenKind kind) {
        return switch (kind) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS -> ComparisonOperator.LESS;
            case LESS_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case GREATER -> ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private <E extends Expr> E at(E node, Span span) {
        spans.put(node, span);
        return node;
    }

    private Span spanOf(Expr node) {
        Span span = spans.get(node);
        return span != null ? span : peek().span();
    }

    private boolean match(TokenKind kind) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token previous() {
        return index > 0 ? tokens.get(index - 1) : null;
    }

    private int previousEnd() {
        return index > 0 ? tokens.get(index - 1).span().end() : 0;
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }
}
