package org.strata.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schemes with their schedules and their recent runs, for the console's runs and schedules page. */
@Repository
public class RunHistory {

    private final JdbcClient jdbc;

    RunHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param frequency daily, weekly, monthly, quarterly, or null when the scheme runs only on demand and live */
    public record ScheduledScheme(String key, String nameZh, String nameEn, Integer publishedVersion,
                                  boolean liveUpdates, String frequency, Integer day, String time, String timeZone) {
    }

    public record Run(long id, String scheme, int version, String trigger, LocalDate asOf, String status,
                      Instant startedAt, Long durationMs, int evaluated, int moved, int entered, int exited,
                      int heldByHysteresis, int heldByPins, String message) {
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

    /** The newest runs over every scheme (run counts hold no customer data, so no scope applies). */
    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT r.*, s.scheme_key FROM tiering_runs r JOIN tiering_schemes s ON s.id = r.scheme_id"
                        + " ORDER BY r.id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("scheme_key"), rs.getInt("version"),
                        rs.getString("run_trigger"), rs.getObject("as_of", LocalDate.class), rs.getString("status"),
                        rs.getTimestamp("started_at").toInstant(), (Long) rs.getObject("duration_ms"),
                        rs.getInt("customers_evaluated"), rs.getInt("moved"), rs.getInt("entered"),
                        rs.getInt("exited"), rs.getInt("held_by_hysteresis"), rs.getInt("held_by_pins"),
                        rs.getString("message")))
                .list();
    }
}
