package org.strata.engine.scheme;

/**
 * A problem in one rule of a scheme, located by the scheme, the part that holds the rule ({@code tier vip},
 * {@code tag big_spender}) and the line:column inside the rule.
 *
 * @param suggestion the closest valid name when the problem is an unknown name (the message says it too), else null
 */
public record SchemeProblem(String scheme, String part, int line, int column, String message, String suggestion) {

    @Override
    public String toString() {
        return "scheme " + scheme + ", " + part + ", rule " + line + ":" + column + ": " + message;
    }
}
