package org.strata.engine.scheme;

import org.strata.engine.i18n.LocalizedArgumentException;
import org.strata.engine.i18n.Message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of tiers (the first whose rule matches wins; {@code defaultTier} takes the rest), tags with rules or
 * given by hand, groups of mutually exclusive tags, and the hysteresis that keeps boundary customers stable.
 * Structure is checked here; rules are checked against the feature declarations when the scheme is compiled.
 */
public record TieringScheme(String key, String nameZh, String nameEn, String description, List<Tier> tiers,
                            Tier defaultTier, List<TagDefinition> tags, List<TagGroup> tagGroups,
                            Hysteresis hysteresis) {

    public TieringScheme {
        SchemeKeys.require("scheme", key);
        nameZh = Tier.nullToEmpty(nameZh);
        nameEn = Tier.nullToEmpty(nameEn);
        description = Tier.nullToEmpty(description);
        tiers = List.copyOf(tiers);
        tags = tags == null ? List.of() : List.copyOf(tags);
        tagGroups = tagGroups == null ? List.of() : List.copyOf(tagGroups);
        hysteresis = hysteresis == null ? Hysteresis.NONE : hysteresis;
        List<Message> problems = problems(tiers, defaultTier, tags, tagGroups);
        if (!problems.isEmpty()) {
            throw new LocalizedArgumentException(SchemeError.INVALID_SCHEME.with(key, problems));
        }
    }

    private static List<Message> problems(List<Tier> tiers, Tier defaultTier, List<TagDefinition> tags,
                                          List<TagGroup> groups) {
        List<Message> problems = new ArrayList<>();
        if (tiers.isEmpty()) {
            problems.add(SchemeError.NO_TIERS.with());
        }
        if (defaultTier == null) {
            problems.add(SchemeError.NO_DEFAULT_TIER.with());
        } else if (!defaultTier.isDefault()) {
            problems.add(SchemeError.DEFAULT_HAS_RULE.with(defaultTier.key()));
        }
        Set<String> tierKeys = new HashSet<>();
        for (Tier tier : tiers) {
            if (tier.isDefault()) {
                problems.add(SchemeError.TIER_NEEDS_RULE.with(tier.key()));
            }
            if (!tierKeys.add(tier.key())) {
                problems.add(SchemeError.TIER_KEY_TWICE.with(tier.key()));
            }
        }
        if (defaultTier != null && !tierKeys.add(defaultTier.key())) {
            problems.add(SchemeError.DEFAULT_KEY_TAKEN.with(defaultTier.key()));
        }
        Set<String> tagKeys = new HashSet<>();
        for (TagDefinition tag : tags) {
            if (!tagKeys.add(tag.key())) {
                problems.add(SchemeError.TAG_KEY_TWICE.with(tag.key()));
            }
        }
        Set<String> grouped = new HashSet<>();
        for (TagGroup group : groups) {
            for (String tag : group.tags()) {
                if (!tagKeys.contains(tag)) {
                    problems.add(SchemeError.GROUP_NAMES_UNKNOWN_TAG.with(group.key(), tag, tagKeys.toString()));
                } else if (!grouped.add(tag)) {
                    problems.add(SchemeError.TAG_IN_TWO_GROUPS.with(tag));
                }
            }
        }
        return problems;
    }

    /** Tiers in order with the default tier last: index i of a placement refers to this list. */
    public List<Tier> allTiers() {
        List<Tier> all = new ArrayList<>(tiers);
        all.add(defaultTier);
        return all;
    }

    public Optional<Tier> tier(String tierKey) {
        return allTiers().stream().filter(t -> t.key().equals(tierKey)).findFirst();
    }

    /** The position of a tier, 0 = highest; the default tier is lowest. -1 when the scheme has no such tier. */
    public int rank(String tierKey) {
        List<Tier> all = allTiers();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(tierKey)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<TagGroup> groupOf(String tagKey) {
        return tagGroups.stream().filter(g -> g.tags().contains(tagKey)).findFirst();
    }
}
