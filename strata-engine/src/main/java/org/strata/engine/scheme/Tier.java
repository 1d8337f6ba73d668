package org.strata.engine.scheme;

/**
 * One tier of a {@link TieringScheme}: customers matching {@code rule} (and no earlier tier) are placed in it.
 *
 * @param rule     rule text; {@code null} only for a scheme's default tier, which takes everyone left over
 * @param color    a CSS colour such as {@code #c0392b}, for the UI; may be empty
 * @param strategy what the company does for customers of this tier (free text, shown to the people acting on it)
 */
public record Tier(String key, String nameZh, String nameEn, String color, String rule, String strategy) {

    public Tier {
        SchemeKeys.require("tier", key);
        nameZh = nullToEmpty(nameZh);
        nameEn = nullToEmpty(nameEn);
        color = nullToEmpty(color);
        strategy = nullToEmpty(strategy);
    }

    /** The tier for everyone no rule placed. */
    public static Tier fallback(String key, String nameZh, String nameEn, String color, String strategy) {
        return new Tier(key, nameZh, nameEn, color, null, strategy);
    }

    public boolean isDefault() {
        return rule == null;
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
