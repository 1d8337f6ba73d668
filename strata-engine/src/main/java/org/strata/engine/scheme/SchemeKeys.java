package org.strata.engine.scheme;

import java.util.regex.Pattern;

/** Keys of schemes, tiers, tags and groups: stable identifiers used in the API, the ledger and rules. */
final class SchemeKeys {

    /** Letters first so a key never reads as a number; upper case allowed because "A/B/C" tiers are common. */
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private SchemeKeys() {
    }

    static void require(String what, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(what + " key must start with a letter and hold only letters, digits "
                    + "and _ (at most 64), was " + (key == null ? "empty" : "'" + key + "'"));
        }
    }
}
