package org.strata.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The append-only audit trail. This class is the only writer and it only inserts; reading filters by actor,
 * action, outcome and time.
 */
@Component
public class AuditLog {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Written in its own transaction, so an entry survives the rollback of the work it describes (a failure). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, action, target, detail, outcome, ip)
                        VALUES (:at, :actor, :action, :target, :detail, :outcome, :ip)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", cut(entry.actor(), 100))
                .param("action", cut(entry.action(), 64))
                .param("target", cut(entry.target(), 500))
                .param("detail", cut(entry.detail(), MAX_TEXT))
                .param("outcome", entry.outcome())
                .param("ip", cut(entry.ip(), 64))
                .update();
    }

    /** Filters of the audit page and export; every one optional. */
    public record Filter(String actor, String action, String outcome, Instant from, Instant to) {
    }

    public record Row(long id, OffsetDateTime at, String actor, String action, String target, String detail,
                      String outcome, String ip) {
    }

    public List<Row> find(Filter filter, int page, int size) {
        Where where = where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT * FROM audit_log WHERE " + where.sql()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> row(rs)).list();
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Every matching row, oldest first, without holding them all in memory (for the CSV export). */
    public void each(Filter filter, Consumer<Row> consumer) {
        Where where = where(filter);
        jdbc.sql("SELECT * FROM audit_log WHERE " + where.sql() + " ORDER BY id").params(where.params())
                .query(rs -> {
                    consumer.accept(row(rs));
                });
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
                rs.getString("outcome"), rs.getString("ip"));
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> params = new HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor().trim());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            // "scheme" matches scheme.publish, scheme.create ...: actions are named area.verb
            conditions.add("(action = :action OR action LIKE :actionPrefix)");
            params.put("action", filter.action().trim());
            params.put("actionPrefix", filter.action().trim().replace("%", "").replace("_", "\\_") + ".%");
        }
        if (filter.outcome() != null && !filter.outcome().isBlank()) {
            conditions.add("outcome = :outcome");
            params.put("outcome", filter.outcome().trim());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return new Where(String.join(" AND ", conditions), params);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
