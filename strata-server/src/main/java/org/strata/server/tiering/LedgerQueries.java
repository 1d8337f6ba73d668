package org.strata.server.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.strata.server.access.PersonalData;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads the ledger and the current memberships: time lines, "who was in tier X on date D", member lists. */
@Repository
class LedgerQueries {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TieringTime time;
    private final CustomerScope scope;

    LedgerQueries(JdbcClient jdbc, ObjectMapper json, TieringTime time, CustomerScope scope) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.scope = scope;
    }

    /** One ledger row; {@code why} holds the feature values (or pin) that decided it. */
    public record LedgerEntry(long id, String scheme, long customerId, String event, String tier, String tag,
                              Instant at, Integer version, Long runId, String actor, Map<String, Object> why) {
    }

    /** A stretch of time a customer spent in a tier; {@code until} null = still there. */
    public record TierPeriod(String tier, Instant from, Instant until, Integer version, Map<String, Object> why) {
    }

    public record Member(long customerId, String name, String tier, Instant since) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    List<LedgerEntry> ledger(long schemeId, long customerId) {
        return jdbc.sql("SELECT l.id, s.scheme_key, l.customer_id, l.event, l.tier_key, l.tag_key, l.occurred_at, "
                        + "l.version, l.run_id, l.actor, l.why FROM tiering_ledger l "
                        + "JOIN tiering_schemes s ON s.id = l.scheme_id "
                        + "WHERE l.scheme_id = ? AND l.customer_id = ? ORDER BY l.id")
                .params(schemeId, customerId).query(this::entry).list();
    }

    List<LedgerEntry> runLedger(long runId, int limit) {
        ScopeCondition.Positional visible = scope.customerIdIn("l.customer_id");
        List<Object> params = new ArrayList<>(List.of(runId));
        params.addAll(visible.args());
        params.add(limit);
        return jdbc.sql("SELECT l.id, s.scheme_key, l.customer_id, l.event, l.tier_key, l.tag_key, l.occurred_at, "
                        + "l.version, l.run_id, l.actor, l.why FROM tiering_ledger l "
                        + "JOIN tiering_schemes s ON s.id = l.scheme_id WHERE l.run_id = ?" + visible.sql()
                        + " ORDER BY l.id LIMIT ?")
                .params(params).query(this::entry).list();
    }

    /** The customer's tiers over time, built from the entered/left rows of the ledger. */
    List<TierPeriod> timeline(long schemeId, long customerId) {
        List<TierPeriod> periods = new ArrayList<>();
        TierPeriod open = null;
        for (LedgerEntry entry : ledger(schemeId, customerId)) {
            if (entry.event().equals("entered")) {
                open = new TierPeriod(entry.tier(), entry.at(), null, entry.version(), entry.why());
            } else if (entry.event().equals("left") && open != null) {
                periods.add(new TierPeriod(open.tier(), open.from(), entry.at(), open.version(), open.why()));
                open = null;
            }
        }
        if (open != null) {
            periods.add(open);
        }
        return periods;
    }

    /**
     * The customers in {@code tier} at the end of day {@code date} (business time zone): those whose last
     * entered/left row up to then is "entered {@code tier}".
     */
    Page<Long> membersOn(long schemeId, String tier, LocalDate date, int page, int size) {
        Timestamp end = Timestamp.from(time.endOf(date));
        ScopeCondition.Positional visible = scope.customerIdIn("customer_id");
        String latest = "SELECT customer_id, event, tier_key, ROW_NUMBER() OVER (PARTITION BY customer_id "
                + "ORDER BY id DESC) AS rn FROM tiering_ledger WHERE scheme_id = ? AND event IN ('entered', 'left') "
                + "AND occurred_at < ?" + visible.sql();
        String where = " WHERE rn = 1 AND event = 'entered' AND tier_key = ?";
        List<Object> params = new ArrayList<>(List.of(schemeId, end));
        params.addAll(visible.args());
        params.add(tier);
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + latest + ") t" + where).params(params)
                .query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<Long> ids = jdbc.sql("SELECT customer_id FROM (" + latest + ") t" + where
                        + " ORDER BY customer_id LIMIT ? OFFSET ?")
                .params(params).query(Long.class).list();
        return new Page<>(ids, total, page, size);
    }

    Page<Member> members(long schemeId, String tier, int page, int size) {
        ScopeCondition.Positional visible = scope.customerIdIn("m.customer_id");
        String filter = (tier == null ? "" : " AND m.tier_key = ?") + visible.sql();
        List<Object> params = new ArrayList<>(List.of(schemeId));
        if (tier != null) {
            params.add(tier);
        }
        params.addAll(visible.args());
        long total = jdbc.sql("SELECT COUNT(*) FROM tiering_memberships m WHERE m.scheme_id = ?" + filter)
                .params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<Member> items = jdbc.sql("SELECT m.customer_id, c.name, m.tier_key, m.since, c.type "
                        + "FROM tiering_memberships m "
                        + "JOIN customers c ON c.id = m.customer_id WHERE m.scheme_id = ?" + filter
                        + " ORDER BY m.customer_id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, row) -> new Member(rs.getLong(1), PersonalData.nameFor(rs.getString(2), rs.getString(5)),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        return new Page<>(items, total, page, size);
    }

    /** Members per tier key now. */
    Map<String, Long> counts(long schemeId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ScopeCondition.Positional visible = scope.customerIdIn("customer_id");
        List<Object> params = new ArrayList<>(List.of(schemeId));
        params.addAll(visible.args());
        jdbc.sql("SELECT tier_key, COUNT(*) FROM tiering_memberships WHERE scheme_id = ?" + visible.sql()
                        + " GROUP BY tier_key ORDER BY tier_key")
                .params(params).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Rule and manual tags the customer carries now. */
    List<String> tags(long schemeId, long customerId) {
        return jdbc.sql("SELECT tag_key FROM tiering_tag_memberships WHERE scheme_id = ? AND customer_id = ? "
                + "ORDER BY tag_key").params(schemeId, customerId).query(String.class).list();
    }

    private LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        String why = rs.getString("why");
        return new LedgerEntry(rs.getLong("id"), rs.getString("scheme_key"), rs.getLong("customer_id"),
                rs.getString("event"), rs.getString("tier_key"), rs.getString("tag_key"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getObject("version", Integer.class),
                rs.getObject("run_id", Long.class), rs.getString("actor"),
                // a pin's "why" carries the reason someone typed
                why == null ? null : PersonalData.documentFor(json.readValue(why, JSON_OBJECT)));
    }
}
