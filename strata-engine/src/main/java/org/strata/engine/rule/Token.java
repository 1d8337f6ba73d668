package org.strata.engine.rule;

/**
 * @param text  the source text of the token (for messages: "found `'abc'`")
 * @param value the decoded value: the string of a STRING token, the lower-cased name of an IDENTIFIER, else text
 */
record Token(TokenKind kind, String text, String value, Span span) {

    /** How the token reads in a message. */
    String shown() {
        return kind == TokenKind.END ? "the end of the rule" : "`" + text + "`";
    }
}
