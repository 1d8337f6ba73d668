package org.strata.server.playbook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.playbook.ActionKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The outbox seen from the worker: claims due deliveries with a lease (SELECT ... FOR UPDATE SKIP LOCKED, which
 * PostgreSQL and H2 both understand, so two workers never claim the same row), and records what each attempt achieved.
 * A worker that dies leaves its lease behind; once it runs out another worker claims the rows again.
 */
@Repository
class DeliveryQueue {

    private static final String DETAILS = "SELECT d.id, d.entry_id, d.action_id, a.position, d.playbook_id, "
            + "p.name_zh, p.name_en, a.kind, a.config, d.attempts, p.trigger_kind, s.scheme_key, e.detail, "
            + "e.occurred_at, c.id AS customer_id, c.external_id, c.name AS customer_name, c.owner_id, "
            + "u.display_name AS owner_name, u.email AS owner_email, c.team_id, t.name AS team_name "
            + "FROM playbook_deliveries d JOIN playbook_actions a ON a.id = d.action_id "
            + "JOIN playbooks p ON p.id = d.playbook_id JOIN playbook_entries e ON e.id = d.entry_id "
            + "JOIN customers c ON c.id = d.customer_id LEFT JOIN tiering_schemes s ON s.id = p.scheme_id "
            + "LEFT JOIN users u ON u.id = c.owner_id LEFT JOIN teams t ON t.id = c.team_id WHERE d.id IN (:ids)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    DeliveryQueue(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}; returns them in entry and action order. */
    List<Delivery> claim(Instant now, int limit, Duration lease) {
        List<Long> ids = transaction.execute(status -> {
            Timestamp at = Timestamp.from(now);
            List<Long> due = jdbc.queryForList("SELECT id FROM playbook_deliveries WHERE status = 'pending' "
                    + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) "
                    + "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                    Long.class, at, at);
            if (!due.isEmpty()) {
                named.update("UPDATE playbook_deliveries SET lease_until = :until WHERE id IN (:ids)",
                        Map.of("until", Timestamp.from(now.plus(lease)), "ids", due));
            }
            return due;
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Delivery> claimed = new ArrayList<>(named.query(DETAILS, Map.of("ids", ids), this::delivery));
        claimed.sort(Comparator.comparingLong(Delivery::entryId).thenComparingInt(Delivery::position));
        return claimed;
    }

    /** A delivery with everything needed to carry it out, without claiming it (to show what it sends). */
    Optional<Delivery> load(long id) {
        return named.query(DETAILS, Map.of("ids", List.of(id)), this::delivery).stream().findFirst();
    }

    /** An attempt's result: the delivery's new state and a row in its attempt log. */
    record Result(Delivery delivery, Outcome outcome, Instant at, Instant retryAt, boolean giveUp) {
    }

    /** When retries of these deliveries stop: their created_at (or replayed_at) plus {@code retryFor}. */
    Map<Long, Instant> retryDeadlines(List<Long> ids, Duration retryFor) {
        Map<Long, Instant> deadlines = new java.util.HashMap<>();
        named.query("SELECT id, COALESCE(replayed_at, created_at) FROM playbook_deliveries WHERE id IN (:ids)",
                Map.of("ids", ids), rs -> {
                    deadlines.put(rs.getLong(1), rs.getTimestamp(2).toInstant().plus(retryFor));
                });
        return deadlines;
    }

    void record(List<Result> results) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        for (Result r : results) {
            Timestamp at = Timestamp.from(r.at());
            int attempt = r.delivery().attempts() + 1;
            long id = r.delivery().id();
            Outcome outcome = r.outcome();
            if (outcome instanceof Outcome.Delivered d) {
                updates.add(new Object[] {"delivered", at, at, d.status(), null, id});
                attempts.add(new Object[] {id, attempt, at, true, d.status(), null});
            } else if (outcome instanceof Outcome.Skipped s) {
                updates.add(new Object[] {"skipped", at, null, null, s.reason(), id});
                attempts.add(new Object[] {id, attempt, at, true, null, s.reason()});
            } else if (outcome instanceof Outcome.Retry f) {
                updates.add(new Object[] {r.giveUp() ? "dead" : "pending", Timestamp.from(r.retryAt()), null,
                        f.status(), clip(f.error()), id});
                attempts.add(new Object[] {id, attempt, at, false, f.status(), clip(f.error())});
            } else if (outcome instanceof Outcome.Failed f) {
                updates.add(new Object[] {"dead", at, null, f.status(), clip(f.error()), id});
                attempts.add(new Object[] {id, attempt, at, false, f.status(), clip(f.error())});
            }
        }
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("UPDATE playbook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, "
                    + "delivered_at = ?, last_status = ?, last_error = ?, lease_until = NULL WHERE id = ?", updates);
            jdbc.batchUpdate("INSERT INTO playbook_delivery_attempts (delivery_id, attempt, at, succeeded, "
                    + "http_status, error) VALUES (?, ?, ?, ?, ?, ?)", attempts);
        });
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        Delivery.Customer customer = new Delivery.Customer(rs.getLong("customer_id"), rs.getString("external_id"),
                rs.getString("customer_name"), (Long) rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
                rs.getString("owner_email"), (Long) rs.getObject("team_id", Long.class), rs.getString("team_name"));
        return new Delivery(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("action_id"), rs.getInt("position"),
                rs.getLong("playbook_id"), rs.getString("name_zh"), rs.getString("name_en"),
                ActionKind.of(rs.getString("kind"), null),
                json.readValue(rs.getString("config"), new TypeReference<Map<String, Object>>() { }),
                rs.getInt("attempts"), rs.getString("trigger_kind"), rs.getString("scheme_key"),
                rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant(), customer);
    }
}
