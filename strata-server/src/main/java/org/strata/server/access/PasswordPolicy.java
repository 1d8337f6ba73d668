package org.strata.server.access;

/** The one rule for passwords: long enough to resist guessing. Length beats composition rules (NIST 800-63B). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** @return the password, when it is acceptable */
    public static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        return password;
    }
}
