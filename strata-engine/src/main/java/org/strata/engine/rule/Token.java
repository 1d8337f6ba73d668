package org.strata.engine.rule;

import org.strata.engine.i18n.Message;

/**
 * @param text  the source text of the token (for messages: "found `'abc'`")
 * @param value the decoded value: the string of a STRING token, the lower-cased name of an IDENTIFIER, else text
 */
record Token(TokenKind kind, String text, String value, Span span) {

    /** How the token reads in a message. */
    Message shown() {
        return kind == TokenKind.END ? RuleError.END_OF_RULE.with() : Message.literal("`" + text + "`");
    }
}
