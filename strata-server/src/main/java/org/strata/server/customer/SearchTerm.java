package org.strata.server.customer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Free text typed into the customer search, turned into the exact identifier values it may stand for and a name
 * pattern. A phone typed as "138 1234 5678", "13812345678" or "+86 138-1234-5678" finds the identifier stored as
 * "+8613812345678"; an email is matched lower-cased, as the import stores it.
 */
record SearchTerm(String raw, Set<String> identifierValues, String namePattern, boolean hasCasedLetters) {

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,}");

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
        return new SearchTerm(raw, values, "%" + escapeLike(raw) + "%", casedLetters);
    }

    /** Escapes LIKE wildcards so that "50%" searches for the characters, with '\' as the escape character. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
