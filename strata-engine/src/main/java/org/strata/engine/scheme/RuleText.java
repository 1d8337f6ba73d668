package org.strata.engine.scheme;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Positions in a rule's source text, for messages about a name the rule uses. */
public final class RuleText {

    private RuleText() {
    }

    /** 1-based line and column of the first whole-word use of {@code name} in {@code rule}; 1:1 if not found. */
    public static int[] position(String rule, String name) {
        Matcher matcher = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(rule);
        if (!matcher.find()) {
            return new int[] {1, 1};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < matcher.start(); i++) {
            if (rule.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, matcher.start() - lineStart + 1};
    }
}
