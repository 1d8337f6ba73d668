package org.strata.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TagDefinition;
import org.strata.engine.scheme.Tier;
import org.strata.engine.scheme.TieringScheme;

/**
 * The published schemes the dashboard can show, with their tiers in order (the default tier last). Read from the
 * published version's YAML, so names and colours are the ones the memberships were computed with. A published
 * version never changes, so each is parsed once (every console page asks for the schemes).
 */
@Component
public class PublishedSchemes {

    /** A tier rule that reads the lifecycle model's stage column. */
    private static final Pattern READS_LIFECYCLE_STAGE = Pattern.compile("\\blifecycle_stage\\b");

    private final JdbcClient jdbc;
    private final Map<List<Object>, SchemeInfo> parsed = new ConcurrentHashMap<>();

    PublishedSchemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TierInfo(String key, String nameZh, String nameEn, String color) {
    }

    /**
     * @param manualTags     tags without a rule: people give and take them by hand
     * @param lifecycleModel whether its tiers are stages of the lifecycle model (their rules read lifecycle_stage)
     */
    public record SchemeInfo(long id, String key, String nameZh, String nameEn, int version, List<TierInfo> tiers,
                             List<TierInfo> tags, List<TierInfo> manualTags, boolean lifecycleModel) {

        public List<String> tierKeys() {
            return tiers.stream().map(TierInfo::key).toList();
        }
    }

    public List<SchemeInfo> all() {
        return jdbc.sql("""
                        SELECT s.id, s.scheme_key, s.published_version, v.yaml FROM tiering_schemes s
                        JOIN tiering_scheme_versions v ON v.scheme_id = s.id AND v.version = s.published_version
                        ORDER BY s.scheme_key""")
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    int version = rs.getInt("published_version");
                    String yaml = rs.getString("yaml");
                    return parsed.computeIfAbsent(List.of(id, version), k -> info(id, version, yaml));
                })
                .list();
    }

    /**
     * The scheme whose tiers are the lifecycle stages the customer list filters by: the one keyed
     * {@value CustomerBrowser#LIFECYCLE_SCHEME} if published, else the first whose tier rules read the lifecycle model.
     */
    public Optional<SchemeInfo> lifecycle() {
        List<SchemeInfo> all = all();
        return all.stream().filter(s -> s.key().equals(CustomerBrowser.LIFECYCLE_SCHEME)).findFirst()
                .or(() -> all.stream().filter(SchemeInfo::lifecycleModel).findFirst());
    }

    /** The scheme with {@code key}, or the first published one when key is blank. */
    public Optional<SchemeInfo> find(String key) {
        List<SchemeInfo> all = all();
        if (key == null || key.isBlank()) {
            return all.stream().findFirst();
        }
        return all.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static SchemeInfo info(long id, int version, String yaml) {
        TieringScheme scheme = SchemeYaml.read(yaml);
        List<TierInfo> tiers = new ArrayList<>();
        for (Tier tier : scheme.tiers()) {
            tiers.add(tierInfo(tier));
        }
        tiers.add(tierInfo(scheme.defaultTier()));
        List<TierInfo> tags = scheme.tags().stream()
                .map(t -> new TierInfo(t.key(), t.nameZh(), t.nameEn(), null)).toList();
        List<TierInfo> manual = scheme.tags().stream().filter(TagDefinition::isManual)
                .map(t -> new TierInfo(t.key(), t.nameZh(), t.nameEn(), null)).toList();
        boolean lifecycle = scheme.tiers().stream()
                .anyMatch(t -> t.rule() != null && READS_LIFECYCLE_STAGE.matcher(t.rule()).find());
        return new SchemeInfo(id, scheme.key(), scheme.nameZh(), scheme.nameEn(), version, List.copyOf(tiers), tags,
                manual, lifecycle);
    }

    private static TierInfo tierInfo(Tier tier) {
        return new TierInfo(tier.key(), tier.nameZh(), tier.nameEn(), tier.color());
    }
}
