package org.strata.server.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Free text typed into a customer search, turned into the exact identifier values it may stand for and a name
 * pattern. A phone typed as "138 1234 5678", "13812345678" or "+86 138-1234-5678" finds the identifier stored as
 * "+8613812345678"; an email is matched lower-cased, as the import stores it.
 * <p>
 * The API's list and the console's list have matched slightly differently since they were written (the console
 * lower-cases every text and strips spaces and dashes before trying it as an identifier); each keeps its rules,
 * pinned by SearchMatchingTest, and both are answered by the same {@link CustomerTextSearch} condition.
 *
 * @param nameText the text the name must contain, as the name condition compares it (lower-cased where the names
 *                 are, see {@link NameMatch}), without LIKE escapes
 */
public record SearchTerm(String raw, Set<String> identifierValues, String nameText, NameMatch nameMatch) {

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,}");

    /** How the name is compared with {@link #nameText}. */
    public enum NameMatch {
        /** {@code name LIKE}: the text has no letter with a case (Chinese characters, digits) */
        EXACT_CASE,
        /** {@code name ILIKE} */
        ANY_CASE,
        /** {@code LOWER(name) LIKE} with the text lower-cased in Java (the console's rule) */
        LOWER_CASED
    }

    /** The API's rules ({@code GET /api/v1/customers?q=} and its CSV export). */
    static SearchTerm of(String text) {
        String raw = text.trim();
        Set<String> values = new LinkedHashSet<>();
        values.add(raw);
        if (raw.contains("@")) {
            values.add(raw.toLowerCase(Locale.ROOT));
        }
        if (PHONE_LIKE.matcher(raw).matches()) {
            String digits = raw.replaceAll("[^0-9]", "");
            values.add(digits);
            if (digits.length() == 11 && digits.startsWith("1")) {
                values.add("+86" + digits);
            } else if (digits.length() == 13 && digits.startsWith("86")) {
                values.add("+" + digits);
            } else if (raw.startsWith("+")) {
                values.add("+" + digits);
            }
        }
        boolean casedLetters = raw.chars().anyMatch(c -> Character.isLetter(c) && !Character.isIdeographic(c));
        return new SearchTerm(raw, values, raw, casedLetters ? NameMatch.ANY_CASE : NameMatch.EXACT_CASE);
    }

    /** The console's rules ({@code /customers?q=} and its CSV and Excel exports). */
    public static SearchTerm typedInConsole(String text) {
        String raw = text.trim();
        // toLowerCase() in the default locale, as the console always did
        String lower = raw.toLowerCase();
        Set<String> values = new LinkedHashSet<>(List.of(raw, lower, consolePhone(raw)));
        return new SearchTerm(raw, values, lower, NameMatch.LOWER_CASED);
    }

    /** A Chinese mobile number as identifiers store it (E.164), so 138 1234 5678 finds +8613812345678. */
    private static String consolePhone(String text) {
        String digits = text.replaceAll("[\\s\\-()]", "");
        if (digits.matches("1\\d{10}")) {
            return "+86" + digits;
        }
        return digits.startsWith("86") && digits.length() == 13 ? "+" + digits : digits;
    }

    /** The LIKE pattern "contains {@link #nameText}", with '\' as the escape character. */
    public String namePattern() {
        return "%" + escapeLike(nameText) + "%";
    }

    boolean hasCasedLetters() {
        return nameMatch == NameMatch.ANY_CASE;
    }

    /** Escapes LIKE wildcards so that "50%" searches for the characters, with '\' as the escape character. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
