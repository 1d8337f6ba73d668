package org.strata.engine.scheme;

/**
 * A tag a scheme gives customers besides their tier. A tag with a rule is computed by every run; a tag without
 * one is manual: people give and take it, runs never touch it.
 */
public record TagDefinition(String key, String nameZh, String nameEn, String rule) {

    public TagDefinition {
        SchemeKeys.require("tag", key);
        nameZh = Tier.nullToEmpty(nameZh);
        nameEn = Tier.nullToEmpty(nameEn);
    }

    public boolean isManual() {
        return rule == null;
    }
}
