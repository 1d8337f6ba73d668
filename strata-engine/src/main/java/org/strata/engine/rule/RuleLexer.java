package org.strata.engine.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a rule into tokens. Keywords are case-insensitive ({@code AND}, {@code and}); 与, 或 and 非 are accepted for
 * and, or, not, and full-width （ ） ， and curly quotes are read like their ASCII forms because a Chinese input
 * method types them. A problem (unterminated string, unknown character) is reported and lexing goes on, so the
 * parser can still report later problems in the same pass.
 */
final class RuleLexer {

    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("and", TokenKind.AND), Map.entry("or", TokenKind.OR), Map.entry("not", TokenKind.NOT),
            Map.entry("in", TokenKind.IN), Map.entry("between", TokenKind.BETWEEN), Map.entry("is", TokenKind.IS),
            Map.entry("null", TokenKind.NULL), Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE),
            Map.entry("contains", TokenKind.CONTAINS), Map.entry("starts_with", TokenKind.STARTS_WITH));

    private final String source;
    private final DiagnosticSink sink;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private RuleLexer(String source, DiagnosticSink sink) {
        this.source = source;
        this.sink = sink;
    }

    static List<Token> tokenize(String source, DiagnosticSink sink) {
        RuleLexer lexer = new RuleLexer(source, sink);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                tokens.add(new Token(TokenKind.END, "", "", new Span(source.length(), source.length())));
                return;
            }
            int start = position;
            char c = source.charAt(position);
            if (isDigit(c) || (c == '.' && position + 1 < source.length() && isDigit(source.charAt(position + 1)))) {
                number(start);
            } else if (c == '\'' || c == '"' || c == '‘' || c == '“') {
                string(start, closingQuote(c));
            } else if (c == '与' || c == '或' || c == '非') {
                position++;
                TokenKind kind = c == '与' ? TokenKind.AND : c == '或' ? TokenKind.OR : TokenKind.NOT;
                add(kind, start, kind.name().toLowerCase(Locale.ROOT));
            } else if (isIdentifierStart(c)) {
                identifier(start);
            } else {
                symbol(start, c);
            }
        }
    }

    private void skipWhitespace() {
        while (position < source.length()
                && (Character.isWhitespace(source.charAt(position)) || source.charAt(position) == '\u3000')) {
            position++;
        }
    }

    private void number(int start) {
        digits();
        if (peek() == '.' && isDigit(peekAt(1))) {
            position++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            int exponentStart = position;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                position = exponentStart + 1;
                consumeIdentifierTail();
                sink.error(new Span(start, position),
                        RuleError.MALFORMED_EXPONENT.with(source.substring(start, position)));
                add(TokenKind.BAD, start, null);
                return;
            }
            digits();
        }
        if (isIdentifierStart(peek())) {
            consumeIdentifierTail();
            sink.error(new Span(start, position), RuleError.MALFORMED_NUMBER.with(source.substring(start, position)));
            add(TokenKind.BAD, start, null);
            return;
        }
        String text = source.substring(start, position);
        if (text.contains("__") || text.endsWith("_") || text.matches(".*(_[.eE]|[.eE+-]_).*")) {
            sink.error(new Span(start, position), RuleError.MALFORMED_UNDERSCORE.with(text));
            add(TokenKind.BAD, start, null);
            return;
        }
        add(TokenKind.NUMBER, start, text.replace("_", ""));
    }

    private void digits() {
        while (isDigit(peek()) || peek() == '_') {
            position++;
        }
    }

    private void string(int start, char closing) {
        char opening = source.charAt(position);
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= source.length() || source.charAt(position) == '\n') {
                sink.error(new Span(start, position), RuleError.UNTERMINATED_STRING.with(String.valueOf(closing)));
                add(TokenKind.BAD, start, null);
                return;
            }
            char c = source.charAt(position);
            if (c == closing) {
                // SQL habit: a doubled quote inside a string stands for one quote
                if (opening == closing && peekAt(1) == closing) {
                    value.append(closing);
                    position += 2;
                    continue;
                }
                position++;
                add(TokenKind.STRING, start, value.toString());
                return;
            }
            if (c == '\\') {
                char escaped = peekAt(1);
                String decoded = switch (escaped) {
                    case '\\' -> "\\";
                    case '\'' -> "'";
                    case '"' -> "\"";
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    default -> null;
                };
                if (decoded == null) {
                    sink.error(new Span(position, Math.min(position + 2, source.length())),
                            RuleError.UNKNOWN_ESCAPE.with(escaped == 0 ? "" : String.valueOf(escaped)));
                    position += escaped == 0 ? 1 : 2;
                    continue;
                }
                value.append(decoded);
                position += 2;
                continue;
            }
            value.append(c);
            position++;
        }
    }

    private static char closingQuote(char opening) {
        return switch (opening) {
            case '‘' -> '’';
            case '“' -> '”';
            default -> opening;
        };
    }

    private void identifier(int start) {
        consumeIdentifierTail();
        String text = source.substring(start, position);
        String lower = text.toLowerCase(Locale.ROOT);
        TokenKind keyword = KEYWORDS.get(lower);
        add(keyword != null ? keyword : TokenKind.IDENTIFIER, start, lower);
    }

    private void consumeIdentifierTail() {
        while (position < source.length() && isIdentifierPart(source.charAt(position))) {
            position++;
        }
    }

    private void symbol(int start, char c) {
        char next = peekAt(1);
        TokenKind kind;
        int length = 1;
        switch (c) {
            case '=' -> {
                kind = TokenKind.EQUAL;
                length = next == '=' ? 2 : 1;
            }
            case '!' -> {
                if (next != '=') {
                    position++;
                    sink.error(new Span(start, position), RuleError.UNEXPECTED_BANG.with());
                    add(TokenKind.BAD, start, null);
                    return;
                }
                kind = TokenKind.NOT_EQUAL;
                length = 2;
            }
            case '<' -> {
                kind = next == '=' ? TokenKind.LESS_OR_EQUAL : next == '>' ? TokenKind.NOT_EQUAL : TokenKind.LESS;
                length = next == '=' || next == '>' ? 2 : 1;
            }
            case '>' -> {
                kind = next == '=' ? TokenKind.GREATER_OR_EQUAL : TokenKind.GREATER;
                length = next == '=' ? 2 : 1;
            }
            case '+' -> kind = TokenKind.PLUS;
            case '-' -> kind = TokenKind.MINUS;
            case '*' -> kind = TokenKind.STAR;
            case '/' -> kind = TokenKind.SLASH;
            case '(', '（' -> kind = TokenKind.LEFT_PAREN;
            case ')', '）' -> kind = TokenKind.RIGHT_PAREN;
            case ',', '，' -> kind = TokenKind.COMMA;
            default -> {
                int codePoint = source.codePointAt(position);
                position += Character.charCount(codePoint);
                if ((c == '&' || c == '|') && peek() == c) {
                    position++; // "&&" is one mistake, not two
                }
                String shown = source.substring(start, position);
                RuleError problem = c == '%' ? RuleError.UNEXPECTED_PERCENT : c == '&' || c == '|'
                        ? RuleError.UNEXPECTED_AND_OR_SYMBOL : RuleError.UNEXPECTED_CHARACTER;
                sink.error(new Span(start, position), problem.with(shown));
                add(TokenKind.BAD, start, null);
                return;
            }
        }
        position += length;
        add(kind, start, source.substring(start, position));
    }

    private void add(TokenKind kind, int start, String value) {
        String text = source.substring(start, position);
        tokens.add(new Token(kind, text, value == null ? text : value, new Span(start, position)));
    }

    private char peek() {
        return peekAt(0);
    }

    private char peekAt(int ahead) {
        int index = position + ahead;
        return index < source.length() ? source.charAt(index) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isIdentifierPart(char c) {
        // 与/或/非 always split an identifier so that "频次>5与金额>100" reads as two conditions
        return (c == '_' || Character.isLetterOrDigit(c)) && c != '与' && c != '或' && c != '非';
    }
}
