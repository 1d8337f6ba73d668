package org.strata.server.playbook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.tiering.CustomerRuleFilter;

/**
 * Fires playbooks: writes their entries and the deliveries of their actions (the outbox) in the caller's transaction,
 * set-based, so a run that moves a million customers costs two INSERT ... SELECT statements, not a million objects.
 * Held-out entrants (the experiment's control group) and entrants that do not match the filter get no deliveries.
 */
@Component
public class PlaybookRecorder {

    private final JdbcTemplate jdbc;
    private final CustomerRuleFilter rules;
    private final ApplicationEventPublisher events;

    PlaybookRecorder(JdbcTemplate jdbc, CustomerRuleFilter rules, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.events = events;
    }

    /**
     * Fires the playbooks selected by {@code candidates}: a SELECT with the columns playbook_id, customer_id,
     * source_ref, detail, occurred_at, holdout_percent (aliases exactly these), one row per firing. A candidate whose
     * (playbook, source kind, source ref) already fired is skipped, so firing the same source twice is harmless.
     *
     * @return the number of entries written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int fire(String sourceKind, String candidates, Instant at, Object... params) {
        String batch = UUID.randomUUID().toString();
        List<Object> all = new ArrayList<>();
        all.add(sourceKind);
        all.add(batch);
        all.addAll(List.of(params));
        all.add(sourceKind);
        int entries = jdbc.update("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, "
                + "batch_ref, detail, occurred_at, held_out) SELECT x.playbook_id, x.customer_id, ?, x.source_ref, ?, "
                + "x.detail, x.occurred_at, CASE WHEN " + Holdout.bucketSql("x.customer_id", "x.playbook_id")
                + " < x.holdout_percent THEN TRUE ELSE FALSE END FROM (" + candidates + ") x "
                + "WHERE NOT EXISTS (SELECT 1 FROM playbook_entries e WHERE e.playbook_id = x.playbook_id "
                + "AND e.source_kind = ? AND e.source_ref = x.source_ref)", all.toArray());
        if (entries == 0) {
            return 0;
        }
        applyFilters(batch);
        int deliveries = jdbc.update("INSERT INTO playbook_deliveries (entry_id, action_id, playbook_id, customer_id, "
                + "kind, status, attempts, created_at, next_attempt_at) SELECT e.id, a.id, e.playbook_id, "
                + "e.customer_id, a.kind, 'pending', 0, ?, ? FROM playbook_entries e JOIN playbook_actions a "
                + "ON a.playbook_id = e.playbook_id AND a.retired = FALSE WHERE e.batch_ref = ? "
                + "AND e.held_out = FALSE AND e.filtered = FALSE", Timestamp.from(at), Timestamp.from(at), batch);
        if (deliveries > 0) {
            events.publishEvent(new DeliveriesRecorded(deliveries));
        }
        return entries;
    }

    /** Marks the entrants of filtered playbooks that do not match the filter (held-out ones too, for fair groups). */
    private void applyFilters(String batch) {
        List<Map<String, Object>> filtered = jdbc.queryForList("SELECT DISTINCT p.id, p.filter_rule FROM playbooks p "
                + "JOIN playbook_entries e ON e.playbook_id = p.id WHERE e.batch_ref = ? AND p.filter_rule IS NOT NULL",
                batch);
        for (Map<String, Object> playbook : filtered) {
            long playbookId = ((Number) playbook.get("id")).longValue();
            List<Long> entrants = jdbc.queryForList("SELECT customer_id FROM playbook_entries WHERE batch_ref = ? "
                    + "AND playbook_id = ?", Long.class, batch, playbookId);
            Set<Long> matching = rules.matching((String) playbook.get("filter_rule"), new HashSet<>(entrants));
            List<Object[]> rejected = entrants.stream().filter(c -> !matching.contains(c))
                    .map(c -> new Object[] {batch, playbookId, c}).toList();
            jdbc.batchUpdate("UPDATE playbook_entries SET filtered = TRUE WHERE batch_ref = ? AND playbook_id = ? "
                    + "AND customer_id = ?", rejected);
        }
    }

    /** Published in the recording transaction; the delivery worker wakes up once it has committed. */
    public record DeliveriesRecorded(int count) {
    }
}
