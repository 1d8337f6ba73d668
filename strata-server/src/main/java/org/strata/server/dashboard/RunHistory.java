package org.strata.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.strata.server.tiering.RunCountsInScope;

/** Schemes with their schedules and their recent runs, for the console's runs and schedules page. */
@Repository
public class RunHistory {

    private final JdbcClient jdbc;
    private final RunCountsInScope countsInScope;

    RunHistory(JdbcClient jdbc, RunCountsInScope countsInScope) {
        this.jdbc = jdbc;
        this.countsInScope = countsInScope;
    }

    /** @param frequency daily, weekly, monthly, quarterly, or null when the scheme runs only on demand and live */
    public record ScheduledScheme(String key, String nameZh, String nameEn, Integer publishedVersion,
                                  boolean liveUpdates, String frequency, Integer day, String time, String timeZone) {
    }

    /** heldByHysteresis and heldByPins are null for a reader with a narrowed scope (see {@link RunCountsInScope}). */
    public record Run(long id, String scheme, int version, String trigger, LocalDate asOf, String status,
                      Instant startedAt, Long durationMs, int evaluated, int moved, int entered, int exited,
                      Integer heldByHysteresis, Integer heldByPins, String message) {

        RunCountsInScope.RunKey key() {
            return new RunCountsInScope.RunKey(id, !"live".equals(trigger) && "succeeded".equals(status), startedAt);
        }

        /** Downgrades and customers held back; null when withheld from a narrowed scope. */
        public Integer held() {
            return heldByHysteresis == null || heldByPins == null ? null : heldByHysteresis + heldByPins;
        }

        Run inScope(RunCountsInScope.Counts counts) {
            return new Run(id, scheme, version, trigger, asOf, status, startedAt, durationMs, counts.evaluated(),
                    counts.moved(), counts.entered(), counts.exited(), null, null, message);
        }
    }

    public List<ScheduledScheme> schemes() {
        return jdbc.sql("SELECT scheme_key, name_zh, name_en, published_version, live_updates, schedule_frequency,"
                        + " schedule_day, schedule_time, time_zone FROM tiering_schemes ORDER BY scheme_key")
                .query((rs, n) -> new ScheduledScheme(rs.getString("scheme_key"), rs.getString("name_zh"),
                        rs.getString("name_en"), (Integer) rs.getObject("published_version"),
                        rs.getBoolean("live_updates"), rs.getString("schedule_frequency"),
                        (Integer) rs.getObject("schedule_day"), rs.getString("schedule_time"),
                        rs.getString("time_zone")))
                .list();
    }

    /** The newest runs over every scheme, with counts over the caller's customers when their scope is narrowed. */
    public List<Run> recent(int limit) {
        List<Run> stored = jdbc.sql("SELECT r.*, s.scheme_key FROM tiering_runs r"
                        + " JOIN tiering_schemes s ON s.id = r.scheme_id"
                        + " ORDER BY r.id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("scheme_key"), rs.getInt("version"),
                        rs.getString("run_trigger"), rs.getObject("as_of", LocalDate.class), rs.getString("status"),
                        rs.getTimestamp("started_at").toInstant(), (Long) rs.getObject("duration_ms"),
                        rs.getInt("customers_evaluated"), rs.getInt("moved"), rs.getInt("entered"),
                        rs.getInt("exited"), rs.getInt("held_by_hysteresis"), rs.getInt("held_by_pins"),
                        rs.getString("message")))
                .list();
        return countsInScope.forCaller(stored, Run::key, Run::inScope);
    }
}
