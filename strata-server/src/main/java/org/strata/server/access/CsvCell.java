package org.strata.server.access;

/**
 * Neutralises CSV formula injection: a cell that starts with = + - @ (or a tab/CR) is run as a formula by Excel,
 * so such text is prefixed with an apostrophe. Values typed by users (names, targets) pass through here.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
