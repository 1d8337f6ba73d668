package org.strata.server.playbook;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.strata.server.tiering.TieringChangesWritten;

/**
 * Fires the playbooks whose trigger is a move in a tiering scheme (entered, left, stage changed, tag added or
 * removed), inside the transaction that writes the move: a failure here rolls the run back, so a committed move
 * always has its actions recorded. The moves are read from the ledger rows the run just wrote.
 */
@Component
class TieringTriggers {

    /** A ledger row matches a playbook's trigger. stage_changed: an entry that comes with leaving another stage. */
    private static final String MATCHES = "((p.trigger_kind = 'entered_tier' AND l.event = 'entered' "
            + "AND l.tier_key = p.trigger_tier) "
            + "OR (p.trigger_kind = 'left_tier' AND l.event = 'left' AND l.tier_key = p.trigger_tier) "
            + "OR (p.trigger_kind = 'stage_changed' AND l.event = 'entered' "
            + "AND (p.trigger_tier IS NULL OR l.tier_key = p.trigger_tier) AND EXISTS (SELECT 1 FROM tiering_ledger x "
            + "WHERE x.scheme_id = l.scheme_id AND x.customer_id = l.customer_id AND x.occurred_at = l.occurred_at "
            + "AND x.event = 'left')) "
            + "OR (p.trigger_kind = 'tag_added' AND l.event = 'tag_added' AND l.tag_key = p.trigger_tag) "
            + "OR (p.trigger_kind = 'tag_removed' AND l.event = 'tag_removed' AND l.tag_key = p.trigger_tag))";
    private static final String CANDIDATES = "SELECT p.id AS playbook_id, l.customer_id AS customer_id, "
            + "CAST(l.id AS VARCHAR(40)) AS source_ref, COALESCE(l.tier_key, l.tag_key) AS detail, "
            + "l.occurred_at AS occurred_at, p.holdout_percent AS holdout_percent "
            + "FROM tiering_ledger l JOIN playbooks p ON p.scheme_id = l.scheme_id AND p.enabled = TRUE AND " + MATCHES
            + " WHERE l.scheme_id = ? AND ";

    private final PlaybookRecorder recorder;

    TieringTriggers(PlaybookRecorder recorder) {
        this.recorder = recorder;
    }

    @EventListener
    void on(TieringChangesWritten changes) {
        List<Object> params = new ArrayList<>(List.of(changes.schemeId()));
        String rows;
        if (changes.runId() != null) {
            rows = "l.run_id = ?";
            params.add(changes.runId());
        } else {
            // a window of a microsecond either side: the ledger stored the instant at the database's precision
            rows = "l.run_id IS NULL AND l.customer_id = ? AND l.occurred_at >= ? AND l.occurred_at <= ?";
            params.add(changes.customerId());
            params.add(Timestamp.from(changes.occurredAt().minusNanos(1_000)));
            params.add(Timestamp.from(changes.occurredAt().plusNanos(1_000)));
        }
        recorder.fire("ledger", CANDIDATES + rows, changes.occurredAt(), params.toArray());
    }
}
