package org.strata.server.playbook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires "stayed in a tier for N days" playbooks for members who have been in the tier at least N days. A stay is
 * named by the ledger row of its entry, so it fires once per stay however often this runs, and again after the
 * customer leaves and comes back.
 */
@Component
public class StayTriggers {

    private static final String CANDIDATES = "SELECT p.id AS playbook_id, m.customer_id AS customer_id, "
            + "CAST((SELECT MAX(l.id) FROM tiering_ledger l WHERE l.scheme_id = m.scheme_id "
            + "AND l.customer_id = m.customer_id AND l.event = 'entered' AND l.tier_key = m.tier_key) AS VARCHAR(40)) "
            + "AS source_ref, m.tier_key AS detail, CAST(? AS TIMESTAMP WITH TIME ZONE) AS occurred_at, "
            + "p.holdout_percent AS holdout_percent FROM tiering_memberships m JOIN playbooks p ON p.id = ? "
            + "AND p.scheme_id = m.scheme_id AND m.tier_key = p.trigger_tier WHERE m.since <= ?";

    private final JdbcTemplate jdbc;
    private final PlaybookRecorder recorder;

    StayTriggers(JdbcTemplate jdbc, PlaybookRecorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /** Fires every enabled stay playbook as of {@code now}; returns the number of entries written. */
    @Transactional
    public int fire(Instant now) {
        List<Map<String, Object>> playbooks = jdbc.queryForList("SELECT id, trigger_days FROM playbooks "
                + "WHERE enabled = TRUE AND trigger_kind = 'stayed_in_tier'");
        int entries = 0;
        for (Map<String, Object> playbook : playbooks) {
            long id = ((Number) playbook.get("id")).longValue();
            int days = ((Number) playbook.get("trigger_days")).intValue();
            entries += recorder.fire("stay", CANDIDATES, now, Timestamp.from(now), id,
                    Timestamp.from(now.minus(Duration.ofDays(days))));
        }
        return entries;
    }
}
