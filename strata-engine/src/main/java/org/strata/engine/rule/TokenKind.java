package org.strata.engine.rule;

enum TokenKind {
    NUMBER, STRING, IDENTIFIER,
    AND, OR, NOT, IN, BETWEEN, IS, NULL, TRUE, FALSE, CONTAINS, STARTS_WITH,
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    PLUS, MINUS, STAR, SLASH, LEFT_PAREN, RIGHT_PAREN, COMMA,
    /** A character or literal the lexer could not read; already reported, so the parser stays quiet about it. */
    BAD,
    END
}
