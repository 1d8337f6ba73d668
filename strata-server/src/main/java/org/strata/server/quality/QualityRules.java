package org.strata.server.quality;

import java.util.regex.Pattern;
import org.strata.server.sql.SqlDialect;

/**
 * What the report counts as a missing, valid or invalid stored phone or email, written once as regular expressions
 * that Java and both databases read alike: the direct report checks rows in Java, the maintained figures check them
 * in SQL, and the two must agree on every value. (Shorthands such as {@code \s} are spelled out because their
 * character sets differ between Java and PostgreSQL.)
 */
final class QualityRules {

    /** Nothing but spaces, tabs, line breaks or ideographic spaces (as typed with a Chinese input method). */
    static final String BLANK = "[ \\t\\n\\f\\r\\u3000\\x0B]*";
    /**
     * +86 mobile (1[3-9] and 9 digits) or landline (area code and number, 9 to 11 digits); elsewhere plain E.164: 7 to
     * 15 digits not starting with 0 or 86. "Not 86" is spelled as "8 and then not 6" rather than a lookahead, which
     * would push PostgreSQL off its fast regular-expression engine (ten times slower over a million customers).
     */
    static final String VALID_PHONE =
            "\\+(?:86(?:1[3-9][0-9]{9}|[2-9][0-9]{8,10})|8[0-57-9][0-9]{5,13}|[1-79][0-9]{6,14})";
    /**
     * A Chinese mobile, the first branch of {@link #VALID_PHONE}: most stored phones are one, and PostgreSQL matches
     * this short expression in a third of the time of the whole one (whose counted repetitions make a large automaton),
     * so SQL tries it first.
     */
    static final String CHINESE_MOBILE = "\\+861[3-9][0-9]{9}";
    /**
     * {@link #CHINESE_MOBILE} as SQL spells it: these characters and a length of {@link #CHINESE_MOBILE_LENGTH}, which
     * mean the same for a string of ASCII digits. PostgreSQL matches the counted repetition {@code [0-9]{9}} in nearly
     * twice the time of the open one (1.1 against 0.7 CPU seconds per million phones), and every customer's phone is
     * tested once per rebuild.
     */
    static final String CHINESE_MOBILE_OPEN = "\\+861[3-9][0-9]+";
    static final int CHINESE_MOBILE_LENGTH = 14;
    /** name@domain.tld in lower case; the parts hold no @ and no white space (the \x0B must stay last, see above). */
    private static final String EMAIL_PART = "[^@A-Z \\t\\n\\f\\r\\x0B]+";
    static final String VALID_EMAIL = EMAIL_PART + "@" + EMAIL_PART + "\\." + EMAIL_PART;

    private static final Pattern BLANK_PATTERN = Pattern.compile(BLANK);
    private static final Pattern VALID_PHONE_PATTERN = Pattern.compile(VALID_PHONE);
    private static final Pattern VALID_EMAIL_PATTERN = Pattern.compile(VALID_EMAIL);

    private QualityRules() {
    }

    static boolean isMissing(String value) {
        return value == null || BLANK_PATTERN.matcher(value).matches();
    }

    static boolean isValidPhone(String phone) {
        return VALID_PHONE_PATTERN.matcher(phone).matches();
    }

    static boolean isValidEmail(String email) {
        return VALID_EMAIL_PATTERN.matcher(email).matches();
    }

    /** What {@link #kindOfPhone} and {@link #kindOfEmail} call a value. */
    static final String MISSING = "'M'";
    static final String VALID = "'V'";
    static final String INVALID = "'I'";

    /**
     * {@link #MISSING}, {@link #VALID} or {@link #INVALID}, in one CASE that tries each regular expression at most once
     * and the commonest outcome first: a match costs PostgreSQL about the same whatever the expression (three seconds
     * of one core per million values), and separate conditions for "missing" and "invalid" tried
     * three per phone. A Chinese mobile starts with '+', which {@link #BLANK} does not hold, so testing it before the
     * blank check changes no outcome.
     */
    static String kindOfPhone(SqlDialect dialect, String column) {
        return "CASE WHEN " + column + " IS NULL THEN " + MISSING
                + " WHEN CHAR_LENGTH(" + column + ") = " + CHINESE_MOBILE_LENGTH + " AND "
                + dialect.matchesWhole(column, CHINESE_MOBILE_OPEN) + " THEN " + VALID
                + " WHEN " + dialect.matchesWhole(column, BLANK) + " THEN " + MISSING
                + " WHEN " + dialect.matchesWhole(column, VALID_PHONE) + " THEN " + VALID + " ELSE " + INVALID + " END";
    }

    /** As {@link #kindOfPhone}; a valid email holds '@', which {@link #BLANK} does not, so it is tried first. */
    static String kindOfEmail(SqlDialect dialect, String column) {
        return "CASE WHEN " + column + " IS NULL THEN " + MISSING
                + " WHEN " + dialect.matchesWhole(column, VALID_EMAIL) + " THEN " + VALID
                + " WHEN " + dialect.matchesWhole(column, BLANK) + " THEN " + MISSING + " ELSE " + INVALID + " END";
    }
}
