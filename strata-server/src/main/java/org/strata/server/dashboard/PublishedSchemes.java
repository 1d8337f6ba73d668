package org.strata.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TagDefinition;
import org.strata.engine.scheme.Tier;
import org.strata.engine.scheme.TieringScheme;

/**
 * The published schemes the dashboard can show, with their tiers in order (the default tier last). Read from the
 * published version's YAML, so names and colours are the ones the memberships were computed with.
 */
@Component
public class PublishedSchemes {

    private final JdbcClient jdbc;

    PublishedSchemes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TierInfo(String key, String nameZh, String nameEn, String color) {
    }

    /** @param manualTags tags without a rule: people give and take them by hand */
    public record SchemeInfo(long id, String key, String nameZh, String nameEn, int version, List<TierInfo> tiers,
                             List<TierInfo> tags, List<TierInfo> manualTags) {

        public List<String> tierKeys() {
            return tiers.stream().map(TierInfo::key).toList();
        }
    }

    public List<SchemeInfo> all() {
        return jdbc.sql("""
                        SELECT s.id, s.scheme_key, s.published_version, v.yaml FROM tiering_schemes s
                        JOIN tiering_scheme_versions v ON v.scheme_id = s.id AND v.version = s.published_version
                        ORDER BY s.scheme_key""")
                .query((rs, row) -> info(rs.getLong("id"), rs.getInt("published_version"), rs.getString("yaml")))
                .list();
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
        return new SchemeInfo(id, scheme.key(), scheme.nameZh(), scheme.nameEn(), version, List.copyOf(tiers), tags,
                manual);
    }

    private static TierInfo tierInfo(Tier tier) {
        return new TierInfo(tier.key(), tier.nameZh(), tier.nameEn(), tier.color());
    }
}
