package org.strata.engine.rule;

/**
 * One problem in a rule, with where it is so a UI can underline it: {@code line} and {@code column} are 1-based,
 * {@code offset} and {@code length} count UTF-16 code units from the start of the rule (as JavaScript strings do).
 *
 * @param suggestion the closest valid name when the problem is an unknown name, else {@code null}
 */
public record Diagnostic(int line, int column, int offset, int length, String message, String suggestion) {

    /** The end column (exclusive) on the diagnostic's line, for underlining. */
    public int endColumn() {
        return column + Math.max(length, 1);
    }

    /** {@code line:column: message}, the form shown in the CLI and in error responses. */
    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
