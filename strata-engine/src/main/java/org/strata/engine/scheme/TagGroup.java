package org.strata.engine.scheme;

import java.util.List;

/**
 * Tags of which a customer carries at most one (e.g. preferred channel: online / store / both). When several rules
 * of a group match, the tag listed first in the group wins, just as the first matching tier wins.
 */
public record TagGroup(String key, String nameZh, String nameEn, List<String> tags) {

    public TagGroup {
        SchemeKeys.require("tag group", key);
        nameZh = Tier.nullToEmpty(nameZh);
        nameEn = Tier.nullToEmpty(nameEn);
        tags = List.copyOf(tags);
    }
}
