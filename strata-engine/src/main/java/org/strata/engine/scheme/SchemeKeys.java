package org.strata.engine.scheme;

import java.util.regex.Pattern;

/** Keys of schemes, tiers, tags and groups: stable identifiers used in the API, the ledger and rules. */
final class SchemeKeys {

    /**
     * Lower snake case, like feature names and model segment keys, so a tier key can be compared with a model column
     * in a rule and stored in a text column; "A" tiers are keyed {@code a} and named "A 类客户".
     */
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private SchemeKeys() {
    }

    static void require(String what, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(what + " key must start with a letter and hold only letters, digits "
                    + "and _ (at most 64), was " + (key == null ? "empty" : "'" + key + "'"));
        }
    }
}
