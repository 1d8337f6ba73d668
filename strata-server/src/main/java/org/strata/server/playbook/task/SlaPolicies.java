package org.strata.server.playbook.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.strata.engine.scheme.SchemeYaml;
import org.strata.engine.scheme.TieringScheme;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookTime;

/** SLA policies: checked (the scheme and tier exist, hours are positive) and stored. */
@Repository
class SlaPolicies {

    private static final Set<String> KINDS = Set.of("first_contact", "contact_interval");
    private static final String SELECT = "SELECT p.*, s.scheme_key FROM sla_policies p "
            + "JOIN tiering_schemes s ON s.id = p.scheme_id";

    private final JdbcClient jdbc;
    private final PlaybookTime time;

    SlaPolicies(JdbcClient jdbc, PlaybookTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** A request that passed every check, with default names and contact types filled in. */
    private record Checked(long schemeId, String tier, String kind, int hours, String contactTypes, String nameZh,
                           String nameEn) {
    }

    SlaPolicyView create(SlaPolicyRequest request) {
        Checked c = check(request);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_policies (scheme_id, tier_key, kind, hours, contact_types, name_zh, name_en, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.schemeId(), c.tier(), c.kind(), c.hours(), c.contactTypes(), c.nameZh(), c.nameEn(),
                        Timestamp.from(time.now()))
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /**
     * Replaces a policy's tier, kind, hours, contact types and names. Breaches already recorded stay as they were:
     * they were judged by the policy in force then.
     */
    SlaPolicyView update(long id, SlaPolicyRequest request) {
        Checked c = check(request);
        jdbc.sql("UPDATE sla_policies SET scheme_id = ?, tier_key = ?, kind = ?, hours = ?, contact_types = ?, "
                        + "name_zh = ?, name_en = ? WHERE id = ?")
                .params(c.schemeId(), c.tier(), c.kind(), c.hours(), c.contactTypes(), c.nameZh(), c.nameEn(), id)
                .update();
        return find(id).orElseThrow();
    }

    private Checked check(SlaPolicyRequest request) {
        if (request.scheme() == null) {
            throw new PlaybookBadRequestException("/scheme", "required");
        }
        long schemeId = jdbc.sql("SELECT id FROM tiering_schemes WHERE scheme_key = ?").param(request.scheme())
                .query(Long.class).optional()
                .orElseThrow(() -> new PlaybookBadRequestException("/scheme", "no scheme '" + request.scheme() + "'"));
        TieringScheme scheme = jdbc.sql("SELECT v.yaml FROM tiering_scheme_versions v JOIN tiering_schemes s "
                        + "ON s.id = v.scheme_id AND v.version = s.published_version WHERE s.id = ?").param(schemeId)
                .query(String.class).optional().map(SchemeYaml::read)
                .orElseThrow(() -> new PlaybookBadRequestException("/scheme", "scheme '" + request.scheme()
                        + "' is not published yet"));
        if (request.tier() == null || scheme.tier(request.tier()).isEmpty()) {
            throw new PlaybookBadRequestException("/tier", "scheme '" + request.scheme() + "' has no tier '"
                    + request.tier() + "'; its tiers are " + scheme.allTiers().stream().map(t -> t.key()).toList());
        }
        if (request.kind() == null || !KINDS.contains(request.kind())) {
            throw new PlaybookBadRequestException("/kind", "'" + request.kind() + "' is not one of " + KINDS);
        }
        if (request.hours() == null || request.hours() <= 0) {
            throw new PlaybookBadRequestException("/hours", "required: a whole number of hours above 0");
        }
        List<String> types = request.contactTypes() == null || request.contactTypes().isEmpty()
                ? List.of("visit", "call") : request.contactTypes();
        if (types.stream().anyMatch(t -> !t.matches("[A-Za-z0-9_.-]{1,64}"))) {
            throw new PlaybookBadRequestException("/contactTypes", "event types are words such as visit, call");
        }
        // an interval of whole days is named in days, as people set it ("every 30 days", not "every 720 h")
        boolean days = request.kind().equals("contact_interval") && request.hours() % 24 == 0;
        String amountZh = days ? request.hours() / 24 + " 天" : request.hours() + " 小时";
        String amountEn = days ? request.hours() / 24 + " days" : request.hours() + " h";
        String nameZh = blank(request.nameZh()) ? SlaPolicyView.kindZh(request.kind()) + " " + amountZh
                : request.nameZh().trim();
        String nameEn = blank(request.nameEn()) ? SlaPolicyView.kindEn(request.kind()) + " " + amountEn
                : request.nameEn().trim();
        return new Checked(schemeId, request.tier(), request.kind(), request.hours(), String.join(",", types), nameZh,
                nameEn);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    List<SlaPolicyView> list() {
        return jdbc.sql(SELECT + " ORDER BY p.id").query(SlaPolicies::view).list();
    }

    List<SlaPolicyView> enabled() {
        return jdbc.sql(SELECT + " WHERE p.enabled = TRUE ORDER BY p.id").query(SlaPolicies::view).list();
    }

    Optional<SlaPolicyView> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(SlaPolicies::view).optional();
    }

    void enable(long id, boolean enabled) {
        jdbc.sql("UPDATE sla_policies SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    private static SlaPolicyView view(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        return new SlaPolicyView(rs.getLong("id"), rs.getString("scheme_key"), rs.getString("tier_key"), kind,
                SlaPolicyView.kindZh(kind), SlaPolicyView.kindEn(kind), rs.getInt("hours"),
                List.of(rs.getString("contact_types").split(",")), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
