package org.strata.server.ingest.value;

import java.util.Locale;

/**
 * Trims, lower-cases and checks email addresses. The check is deliberately simple (one {@code @}, a local part of
 * ordinary characters, a domain with a dot and no empty labels): it catches what people get wrong in spreadsheets
 * ({@code foo@}, {@code a b@c.cn}, {@code name@qq}) without refusing unusual but real addresses.
 */
public final class EmailValues {

    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    private EmailValues() {
    }

    /** @return the address lower-cased, or null when {@code raw} (trimmed, not empty) is not an email address */
    public static String normalize(String raw) {
        String s = Text.asciiFolded(raw).strip().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at > 64 || s.length() > 254) {
            return null;
        }
        return validLocal(s.substring(0, at)) && validDomain(s.substring(at + 1)) ? s : null;
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Labels of letters, digits and inner dashes, separated by dots; at least two labels, the last of 2+ chars. */
    private static boolean validDomain(String domain) {
        int labels = 0;
        int start = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i < domain.length() && domain.charAt(i) != '.') {
                char c = domain.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-')) {
                    return false;
                }
                continue;
            }
            int length = i - start;
            if (length == 0 || domain.charAt(start) == '-' || domain.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            if (i == domain.length() && length < 2) {
                return false;
            }
            start = i + 1;
        }
        return labels >= 2;
    }
}
