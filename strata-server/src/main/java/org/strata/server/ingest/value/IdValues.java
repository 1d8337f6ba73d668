package org.strata.server.ingest.value;

/** Identifiers (customer ids, order ids, openids ...) as keys: trimmed, with spreadsheet damage undone. */
public final class IdValues {

    private IdValues() {
    }

    /**
     * Excel and pandas write integer ids that passed through a float column as {@code 17850.0}; the id is
     * {@code 17850}. Only an all-digit id followed by a point and zeros is changed.
     */
    public static String normalize(String raw) {
        int dot = raw.indexOf('.');
        if (dot <= 0) {
            return raw;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = i < dot ? c >= '0' && c <= '9' : i == dot || c == '0';
            if (!ok) {
                return raw;
            }
        }
        return raw.substring(0, dot);
    }
}
