package org.strata.server.tiering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Current memberships, rule tags and the ledger rows that record every change to them. Writing a plan must run inside
 * the caller's transaction: a run's changes are committed together or not at all.
 */
@Repository
class MembershipStore {

    private final JdbcTemplate jdbc;
    private final BulkReader reader;
    private final ObjectMapper json;
    private final BulkWriter bulk;

    MembershipStore(JdbcTemplate jdbc, BulkReader reader, ObjectMapper json, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.reader = reader;
        this.json = json;
    }

    /** The stored memberships of {@code customerIds} (null = all customers) laid out by the snapshot's rows. */
    CurrentMemberships load(long schemeId, FeatureSnapshot snapshot, Collection<Long> customerIds) {
        CurrentMemberships current = new CurrentMemberships(snapshot.size());
        reader.streamFor(customerIds,
                "SELECT customer_id, tier_key, since, pending_tier, pending_runs FROM tiering_memberships "
                        + "WHERE scheme_id = ?",
                "SELECT customer_id, tier_key, since, pending_tier, pending_runs FROM tiering_memberships "
                        + "WHERE scheme_id = ? AND customer_id IN (:ids)",
                rs -> {
                    long customerId = rs.getLong(1);
                    int row = snapshot.rowOf(customerId);
                    if (row < 0) {
                        current.orphans.add(new CurrentMemberships.Orphan(customerId, rs.getString(2)));
                    } else {
                        current.put(row, rs.getString(2), rs.getTimestamp(3).getTime(), rs.getString(4),
                                rs.getInt(5));
                    }
                }, schemeId);
        reader.streamFor(customerIds,
                "SELECT customer_id, tag_key FROM tiering_tag_memberships WHERE scheme_id = ? AND run_id IS NOT NULL",
                "SELECT customer_id, tag_key FROM tiering_tag_memberships WHERE scheme_id = ? AND run_id IS NOT NULL "
                        + "AND customer_id IN (:ids)",
                rs -> {
                    long customerId = rs.getLong(1);
                    int row = snapshot.rowOf(customerId);
                    if (row < 0) {
                        current.orphanTags.computeIfAbsent(customerId, c -> new HashSet<>()).add(rs.getString(2));
                    } else {
                        current.tag(row, rs.getString(2));
                    }
                }, schemeId);
        return current;
    }

    /** Tier key by customer id, for the migration matrix of a dry run. */
    Map<Long, String> tiers(long schemeId) {
        Map<Long, String> tiers = new HashMap<>();
        reader.stream("SELECT customer_id, tier_key FROM tiering_memberships WHERE scheme_id = ?",
                rs -> tiers.put(rs.getLong(1), rs.getString(2).intern()), schemeId);
        return tiers;
    }

    /** Writes {@code plan}; returns the number of rows written (memberships, tags and ledger). */
    int write(long schemeId, int version, Long runId, RunPlan plan, Instant at, String actor) {
        Timestamp now = Timestamp.from(at);
        List<Object[]> ledger = new ArrayList<>();
        // an expired pin ends before the move it releases, so the ledger reads in the order things happened
        for (ActivePin pin : plan.expiredPins) {
            jdbc.update("UPDATE tiering_pins SET ended_at = ?, ended_by = ? WHERE id = ?",
                    Timestamp.from(pin.expiresAt()), "expiry", pin.id());
            ledger.add(ledgerRow(schemeId, pin.customerId(), "unpinned", pin.tier(), null, now, version, runId,
                    "expiry", Map.of("pin_id", pin.id(), "reason", "the pin expired at " + pin.expiresAt())));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (RunPlan.Move move : plan.moves) {
            if (move.from() == null) {
                inserts.add(new Object[] {schemeId, move.customerId(), move.to(), now, runId, version});
            } else {
                updates.add(new Object[] {move.to(), now, runId, version, schemeId, move.customerId()});
                ledger.add(ledgerRow(schemeId, move.customerId(), "left", move.from(), null, now, version, runId,
                        actor, null));
            }
            ledger.add(ledgerRow(schemeId, move.customerId(), "entered", move.to(), null, now, version, runId, actor,
                    move.why()));
        }
        List<Object[]> pending = plan.pending.stream()
                .map(p -> new Object[] {p.tier(), p.runs(), schemeId, p.customerId()}).toList();
        List<Object[]> removals = new ArrayList<>();
        for (RunPlan.Removal removal : plan.removals) {
            removals.add(new Object[] {schemeId, removal.customerId()});
            ledger.add(ledgerRow(schemeId, removal.customerId(), "left", removal.from(), null, now, version, runId,
                    actor, Map.of("reason", "the customer is no longer tiered (merged into another or removed)")));
        }
        List<Object[]> tagInserts = new ArrayList<>();
        List<Object[]> tagDeletes = new ArrayList<>();
        for (RunPlan.TagChange change : plan.tagChanges) {
            if (change.added()) {
                tagInserts.add(new Object[] {schemeId, change.customerId(), change.tag(), now, runId});
            } else {
                tagDeletes.add(new Object[] {schemeId, change.customerId(), change.tag()});
            }
            ledger.add(ledgerRow(schemeId, change.customerId(), change.added() ? "tag_added" : "tag_removed", null,
                    change.tag(), now, version, runId, actor, change.why().isEmpty() ? null : change.why()));
        }
        int written = bulk.insert("tiering_memberships",
                List.of("scheme_id", "customer_id", "tier_key", "since", "run_id", "version"), inserts);
        written += bulk.batch("UPDATE tiering_memberships SET tier_key = ?, since = ?, run_id = ?, version = ?, "
                + "pending_tier = NULL, pending_runs = 0 WHERE scheme_id = ? AND customer_id = ?", updates);
        written += bulk.batch("UPDATE tiering_memberships SET pending_tier = ?, pending_runs = ? "
                + "WHERE scheme_id = ? AND customer_id = ?", pending);
        written += bulk.batch("DELETE FROM tiering_memberships WHERE scheme_id = ? AND customer_id = ?", removals);
        written += bulk.insert("tiering_tag_memberships",
                List.of("scheme_id", "customer_id", "tag_key", "since", "run_id"), tagInserts);
        written += bulk.batch("DELETE FROM tiering_tag_memberships WHERE scheme_id = ? AND customer_id = ? AND tag_key = ?",
                tagDeletes);
        written += appendLedger(ledger);
        return written + plan.expiredPins.size();
    }

    /** Appends ledger rows built with {@link #ledgerRow}. */
    int appendLedger(List<Object[]> rows) {
        return bulk.insert("tiering_ledger", List.of("scheme_id", "customer_id", "event", "tier_key", "tag_key",
                "occurred_at", "version", "run_id", "actor", "why"), rows);
    }

    Object[] ledgerRow(long schemeId, long customerId, String event, String tier, String tag, Timestamp at,
                       Integer version, Long runId, String actor, Map<String, Object> why) {
        return new Object[] {schemeId, customerId, event, tier, tag, at, version, runId, actor,
                why == null ? null : json.writeValueAsString(why)};
    }
}
