package org.strata.server.playbook.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.playbook.PlaybookRecorder;
import org.strata.server.playbook.PlaybookTime;

/**
 * Raises a warning for every customer a signal newly fires for, resolves open warnings whose signal no longer fires,
 * and fires the "churn warning raised" playbooks for the new ones, all in one transaction.
 */
@Service
public class WarningScanner {

    private static final String CANDIDATES = "SELECT p.id AS playbook_id, w.customer_id AS customer_id, "
            + "CAST(w.id AS VARCHAR(40)) AS source_ref, w.signal AS detail, w.raised_at AS occurred_at, "
            + "p.holdout_percent AS holdout_percent FROM churn_warnings w JOIN playbooks p ON p.enabled = TRUE "
            + "AND p.trigger_kind = 'warning_raised' AND (p.trigger_signal IS NULL OR p.trigger_signal = w.signal) "
            + "WHERE w.raised_at = ? AND w.resolved_at IS NULL";

    private final ChurnSignals signals;
    private final JdbcTemplate jdbc;
    private final PlaybookRecorder recorder;

    WarningScanner(ChurnSignals signals, JdbcTemplate jdbc, PlaybookRecorder recorder) {
        this.signals = signals;
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /** Counts per signal of what one scan changed. */
    public record ScanResult(Instant at, Map<String, Integer> raised, Map<String, Integer> resolved,
                             int playbookEntries) {
    }

    @Transactional
    public ScanResult scan(Instant asOf) {
        // raised_at is how this scan finds its own warnings again: keep it exactly representable
        Instant now = PlaybookTime.micros(asOf);
        Timestamp at = Timestamp.from(now);
        Map<String, Integer> raised = new HashMap<>();
        Map<String, Integer> resolved = new HashMap<>();
        Map<ChurnSignal, Map<Long, ChurnSignals.Reason>> detected = new EnumMap<>(ChurnSignal.class);
        for (ChurnSignal signal : ChurnSignal.values()) {
            detected.put(signal, signals.detect(signal, now));
        }
        for (ChurnSignal signal : ChurnSignal.values()) {
            Map<Long, ChurnSignals.Reason> found = detected.get(signal);
            Map<Long, Long> open = new HashMap<>();
            jdbc.query("SELECT id, customer_id FROM churn_warnings WHERE signal = ? AND resolved_at IS NULL",
                    rs -> {
                        open.put(rs.getLong(2), rs.getLong(1));
                    }, signal.code());
            List<Object[]> inserts = new ArrayList<>();
            found.forEach((customer, reason) -> {
                if (!open.containsKey(customer)) {
                    inserts.add(new Object[] {customer, signal.code(), reason.zh(), reason.en(), reason.details(),
                            at});
                }
            });
            List<Object[]> resolutions = open.entrySet().stream().filter(e -> !found.containsKey(e.getKey()))
                    .map(e -> new Object[] {at, e.getValue()}).toList();
            jdbc.batchUpdate("INSERT INTO churn_warnings (customer_id, signal, reason_zh, reason_en, details, "
                    + "raised_at) VALUES (?, ?, ?, ?, ?, ?)", inserts);
            jdbc.batchUpdate("UPDATE churn_warnings SET resolved_at = ? WHERE id = ?", resolutions);
            raised.put(signal.code(), inserts.size());
            resolved.put(signal.code(), resolutions.size());
        }
        int entries = recorder.fire("warning", CANDIDATES, now, at);
        return new ScanResult(now, raised, resolved, entries);
    }
}
