package org.strata.server.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Run history: one row per run with its trigger, duration and how many customers it moved. */
@Repository
class RunStore {

    private static final String COLUMNS = "r.id, s.scheme_key, r.version, r.run_trigger, r.as_of, r.status, "
            + "r.started_at, r.finished_at, r.duration_ms, r.customers_evaluated, r.moved, r.entered, r.exited, "
            + "r.held_by_hysteresis, r.held_by_pins, r.tags_changed, r.rows_written, r.message";

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long schemeId, int version, RunTrigger trigger, LocalDate asOf, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tiering_runs (scheme_id, version, run_trigger, as_of, status, started_at) "
                        + "VALUES (?, ?, ?, ?, 'running', ?)")
                .params(schemeId, version, trigger.code(), asOf, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records a successful run; called in the transaction that wrote its changes, so both commit together. */
    void succeeded(long runId, RunPlan plan, int rowsWritten, Instant finished, long durationMs) {
        jdbc.sql("UPDATE tiering_runs SET status = 'succeeded', finished_at = ?, duration_ms = ?, "
                        + "customers_evaluated = ?, moved = ?, entered = ?, exited = ?, held_by_hysteresis = ?, "
                        + "held_by_pins = ?, tags_changed = ?, rows_written = ? WHERE id = ?")
                .params(Timestamp.from(finished), durationMs, plan.evaluated, plan.moved(), plan.entered(),
                        plan.removals.size(), plan.heldByHysteresis, plan.heldByPins, plan.tagChanges.size(),
                        rowsWritten, runId)
                .update();
    }

    void failed(long runId, String message, Instant finished, long durationMs) {
        jdbc.sql("UPDATE tiering_runs SET status = 'failed', finished_at = ?, duration_ms = ?, message = ? "
                        + "WHERE id = ?")
                .params(Timestamp.from(finished), durationMs, truncate(message), runId)
                .update();
    }

    Optional<TieringRun> find(long runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_runs r JOIN tiering_schemes s ON s.id = r.scheme_id "
                + "WHERE r.id = ?").param(runId).query(RunStore::run).optional();
    }

    List<TieringRun> history(long schemeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiering_runs r JOIN tiering_schemes s ON s.id = r.scheme_id "
                        + "WHERE r.scheme_id = ? ORDER BY r.id DESC LIMIT ?")
                .params(schemeId, limit).query(RunStore::run).list();
    }

    /** The time of the scheme's latest succeeded run or ledger row (a pin or a manual tag), if any. */
    Optional<Instant> lastRecorded(long schemeId) {
        return jdbc.sql("SELECT MAX(t) FROM (SELECT MAX(started_at) AS t FROM tiering_runs WHERE scheme_id = ? "
                        + "AND status = 'succeeded' UNION ALL SELECT MAX(occurred_at) FROM tiering_ledger "
                        + "WHERE scheme_id = ?) recorded")
                .params(schemeId, schemeId).query(Timestamp.class).list().stream()
                .filter(Objects::nonNull).findFirst().map(Timestamp::toInstant);
    }

    private static TieringRun run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new TieringRun(rs.getLong("id"), rs.getString("scheme_key"), rs.getInt("version"),
                RunTrigger.of(rs.getString("run_trigger")), rs.getObject("as_of", LocalDate.class),
                rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getObject("duration_ms", Long.class),
                rs.getInt("customers_evaluated"), rs.getInt("moved"), rs.getInt("entered"), rs.getInt("exited"),
                rs.getInt("held_by_hysteresis"), rs.getInt("held_by_pins"), rs.getInt("tags_changed"),
                rs.getInt("rows_written"), rs.getString("message"));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
