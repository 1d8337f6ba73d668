package org.strata.engine.scheme;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Schemes as YAML ("rules as code"): what export writes, import reads back to an equal scheme.
 *
 * <pre>
 * key: b2b_manufacturing
 * name: {zh: 制造业客户分级, en: B2B manufacturing}
 * tiers:
 *   - key: A
 *     name: {zh: A 类客户, en: Key accounts}
 *     color: "#c0392b"
 *     rule: monetary_365d >= 5000000
 *     strategy: 大客户经理专人维护
 * default: {key: D, name: {zh: 其他, en: Others}}
 * tags:
 *   - {key: refunder, name: {zh: 高退款, en: Frequent refunds}, rule: refund_count >= 3}
 *   - {key: key_contact, name: {zh: 关键联系人, en: Key contact}}     # no rule: a manual tag
 * tag_groups:
 *   - {key: channel, name: {zh: 渠道偏好, en: Channel}, tags: [online, store]}
 * hysteresis: {downgrade_after_runs: 3, min_days_in_tier: 30}
 * </pre>
 *
 * Reading never stops at the first problem: every problem is reported with its line, column and field.
 */
public final class SchemeYaml {

    private static final Set<String> SCHEME_FIELDS = Set.of("key", "name", "description", "tiers", "default", "tags",
            "tag_groups", "hysteresis");
    private static final Set<String> TIER_FIELDS = Set.of("key", "name", "color", "rule", "strategy");
    private static final Set<String> TAG_FIELDS = Set.of("key", "name", "rule");
    private static final Set<String> GROUP_FIELDS = Set.of("key", "name", "tags");
    private static final Set<String> NAME_FIELDS = Set.of("zh", "en");
    private static final Set<String> HYSTERESIS_FIELDS = Set.of("downgrade_after_runs", "min_days_in_tier");

    private SchemeYaml() {
    }

    /** @throws SchemeYamlException with every problem of the document */
    public static TieringScheme read(String yaml) {
        List<YamlProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new SchemeYamlException(List.of(new YamlProblem(mark.getLine() + 1, mark.getColumn() + 1, "",
                    SchemeError.NOT_YAML.with(e.getProblem()))));
        }
        if (root == null) {
            throw new SchemeYamlException(List.of(new YamlProblem(1, 1, "", SchemeError.EMPTY_DOCUMENT.with())));
        }
        YamlObject scheme = new YamlObject(root, "", problems);
        scheme.rejectUnknown(SCHEME_FIELDS);
        String key = scheme.text("key", true);
        String[] name = name(scheme);
        String description = scheme.text("description", false);
        List<Tier> tiers = new ArrayList<>();
        List<Node> tierNodes = scheme.list("tiers");
        for (int i = 0; i < tierNodes.size(); i++) {
            YamlObject tier = new YamlObject(tierNodes.get(i), "tiers[" + i + "]", problems);
            tier.rejectUnknown(TIER_FIELDS);
            String rule = tier.text("rule", true);
            Tier built = tier(tier, rule == null ? "" : rule);
            if (built != null) {
                tiers.add(built);
            }
        }
        if (tierNodes.isEmpty()) {
            scheme.problem(root, "tiers", SchemeError.TIERS_REQUIRED.with());
        }
        Tier fallback = null;
        YamlObject defaultTier = scheme.object("default");
        if (defaultTier == null) {
            scheme.problem(root, "default", SchemeError.DEFAULT_REQUIRED.with());
        } else {
            defaultTier.rejectUnknown(Set.of("key", "name", "color", "strategy"));
            fallback = tier(defaultTier, null);
        }
        List<TagDefinition> tags = new ArrayList<>();
        List<Node> tagNodes = scheme.list("tags");
        for (int i = 0; i < tagNodes.size(); i++) {
            YamlObject tag = new YamlObject(tagNodes.get(i), "tags[" + i + "]", problems);
            tag.rejectUnknown(TAG_FIELDS);
            String tagKey = tag.text("key", true);
            String[] tagName = name(tag);
            String rule = tag.text("rule", false);
            TagDefinition built = tag.build(() -> new TagDefinition(tagKey, tagName[0], tagName[1], rule));
            if (built != null) {
                tags.add(built);
            }
        }
        List<TagGroup> groups = new ArrayList<>();
        List<Node> groupNodes = scheme.list("tag_groups");
        for (int i = 0; i < groupNodes.size(); i++) {
            YamlObject group = new YamlObject(groupNodes.get(i), "tag_groups[" + i + "]", problems);
            group.rejectUnknown(GROUP_FIELDS);
            String groupKey = group.text("key", true);
            String[] groupName = name(group);
            List<String> members = group.texts("tags");
            TagGroup built = group.build(() -> new TagGroup(groupKey, groupName[0], groupName[1], members));
            if (built != null) {
                groups.add(built);
            }
        }
        Hysteresis hysteresis = Hysteresis.NONE;
        YamlObject stability = scheme.object("hysteresis");
        if (stability != null) {
            stability.rejectUnknown(HYSTERESIS_FIELDS);
            int runs = stability.integer("downgrade_after_runs", 1);
            int days = stability.integer("min_days_in_tier", 0);
            Hysteresis built = stability.build(() -> new Hysteresis(runs, days));
            hysteresis = built == null ? Hysteresis.NONE : built;
        }
        if (!problems.isEmpty()) {
            throw new SchemeYamlException(problems);
        }
        Tier finalFallback = fallback;
        Hysteresis finalHysteresis = hysteresis;
        TieringScheme built = scheme.build(() -> new TieringScheme(key, name[0], name[1], description, tiers,
                finalFallback, tags, groups, finalHysteresis));
        if (!problems.isEmpty()) {
            throw new SchemeYamlException(problems);
        }
        return built;
    }

    private static Tier tier(YamlObject tier, String rule) {
        String key = tier.text("key", true);
        String[] name = name(tier);
        String color = tier.text("color", false);
        String strategy = tier.text("strategy", false);
        return tier.build(() -> new Tier(key, name[0], name[1], color, rule, strategy));
    }

    /** {@code name: {zh: ..., en: ...}}; a plain {@code name: text} is taken as both. */
    private static String[] name(YamlObject owner) {
        if (owner.isText("name")) {
            String plain = owner.text("name", true);
            return new String[] {plain, plain};
        }
        YamlObject name = owner.object("name");
        if (name == null) {
            owner.text("name", true);
            return new String[] {"", ""};
        }
        name.rejectUnknown(NAME_FIELDS);
        String zh = name.text("zh", false);
        String en = name.text("en", false);
        if (zh == null && en == null) {
            name.problem(name.node(), name.child(""), SchemeError.NAME_NEEDS_LANGUAGE.with());
        }
        return new String[] {zh == null ? en : zh, en == null ? zh : en};
    }

    public static String write(TieringScheme scheme) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("key", scheme.key());
        document.put("name", name(scheme.nameZh(), scheme.nameEn()));
        if (!scheme.description().isEmpty()) {
            document.put("description", scheme.description());
        }
        List<Object> tiers = new ArrayList<>();
        for (Tier tier : scheme.tiers()) {
            tiers.add(tier(tier));
        }
        document.put("tiers", tiers);
        document.put("default", tier(scheme.defaultTier()));
        if (!scheme.tags().isEmpty()) {
            List<Object> tags = new ArrayList<>();
            for (TagDefinition tag : scheme.tags()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("key", tag.key());
                map.put("name", name(tag.nameZh(), tag.nameEn()));
                if (!tag.isManual()) {
                    map.put("rule", tag.rule());
                }
                tags.add(map);
            }
            document.put("tags", tags);
        }
        if (!scheme.tagGroups().isEmpty()) {
            List<Object> groups = new ArrayList<>();
            for (TagGroup group : scheme.tagGroups()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("key", group.key());
                map.put("name", name(group.nameZh(), group.nameEn()));
                map.put("tags", group.tags());
                groups.add(map);
            }
            document.put("tag_groups", groups);
        }
        if (!scheme.hysteresis().isNone()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("downgrade_after_runs", scheme.hysteresis().downgradeAfterRuns());
            map.put("min_days_in_tier", scheme.hysteresis().minDaysInTier());
            document.put("hysteresis", map);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setAllowUnicode(true);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(document);
    }

    private static Map<String, Object> tier(Tier tier) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", tier.key());
        map.put("name", name(tier.nameZh(), tier.nameEn()));
        if (!tier.color().isEmpty()) {
            map.put("color", tier.color());
        }
        if (!tier.isDefault()) {
            map.put("rule", tier.rule());
        }
        if (!tier.strategy().isEmpty()) {
            map.put("strategy", tier.strategy());
        }
        return map;
    }

    private static Map<String, Object> name(String zh, String en) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zh", zh);
        map.put("en", en);
        return map;
    }
}
