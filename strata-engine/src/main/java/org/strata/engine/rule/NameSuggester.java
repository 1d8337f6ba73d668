package org.strata.engine.rule;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the closest known name to a mistyped one by Damerau-Levenshtein distance (optimal string alignment: insert,
 * delete, substitute, swap two neighbours), accepting only near misses so a suggestion is never a wild guess.
 */
public final class NameSuggester {

    private NameSuggester() {
    }

    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= tolerance(typed) ? Optional.of(best) : Optional.empty();
    }

    /** How many edits still count as a typo: one for short names, up to a third of a long one. */
    static int tolerance(String typed) {
        int length = typed.codePointCount(0, typed.length());
        return Math.max(1, Math.min(3, length / 3));
    }

    /** Damerau-Levenshtein distance (optimal string alignment variant) over UTF-16 units. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return d[a.length()][b.length()];
    }
}
