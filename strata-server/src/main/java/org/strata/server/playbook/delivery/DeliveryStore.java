package org.strata.server.playbook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.strata.server.access.PersonalData;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * Deliveries and dead letters for admins, within the caller's data scope; replay puts dead letters back in line.
 * Read by the deliveries API and by the console's delivery pages.
 */
@Repository
public class DeliveryStore {

    private static final String SELECT = "SELECT d.*, p.name_zh, p.name_en, c.name AS customer_name, c.type AS customer_type "
            + "FROM playbook_deliveries d JOIN playbooks p ON p.id = d.playbook_id "
            + "JOIN customers c ON c.id = d.customer_id WHERE ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;

    DeliveryStore(NamedParameterJdbcTemplate jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * Which deliveries to list; null fields do not filter.
     *
     * @param status pending (every undelivered one that is still tried), retrying (pending after a failed attempt),
     *               delivered, dead or skipped
     * @param kind   an action kind code (webhook, task ...)
     */
    public record Filter(String status, String kind, Long playbook, Long customer) {

        public static final List<String> STATUSES = List.of("pending", "retrying", "delivered", "dead", "skipped");

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** A playbook as the delivery filters offer it. */
    public record PlaybookName(long id, String nameZh, String nameEn) {
    }

    /** Deliveries matching {@code filter}, newest first. */
    public List<DeliveryView> list(Filter filter, int page, int size) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(condition.sql());
        if (filter.status() != null) {
            boolean retrying = filter.status().equals("retrying");
            where.append(" AND d.status = :status").append(retrying ? " AND d.attempts > 0" : "");
            params.put("status", retrying ? "pending" : filter.status());
        }
        if (filter.kind() != null) {
            where.append(" AND d.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.playbook() != null) {
            where.append(" AND d.playbook_id = :playbook");
            params.put("playbook", filter.playbook());
        }
        if (filter.customer() != null) {
            where.append(" AND d.customer_id = :customer");
            params.put("customer", filter.customer());
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.query(SELECT + where + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset", params, this::view);
    }

    public Optional<DeliveryView> find(long id) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("id", id);
        return jdbc.query(SELECT + condition.sql() + " AND d.id = :id", params, this::view).stream().findFirst();
    }

    /** Every attempt of a delivery, first first; only call it for a delivery {@link #find} found. */
    public List<DeliveryView.Attempt> attempts(long id) {
        return jdbc.query("SELECT attempt, at, succeeded, http_status, error FROM playbook_delivery_attempts "
                        + "WHERE delivery_id = :id ORDER BY attempt", Map.of("id", id),
                (rs, row) -> new DeliveryView.Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
                        (Integer) rs.getObject(4, Integer.class), PersonalData.textFor(rs.getString(5))));
    }

    /** How many dead letters the caller can see. */
    public long deadLetters() {
        ScopeCondition condition = scope.condition("c");
        return jdbc.queryForObject("SELECT COUNT(*) FROM playbook_deliveries d JOIN customers c ON c.id = d.customer_id "
                + "WHERE d.status = 'dead' AND " + condition.sql(), condition.params(), Long.class);
    }

    /** Every playbook that has deliveries or could have them, for the filters. */
    public List<PlaybookName> playbooks() {
        return jdbc.query("SELECT id, name_zh, name_en FROM playbooks ORDER BY id", Map.of(),
                (rs, row) -> new PlaybookName(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Puts dead letters (all in scope, or those of {@code ids}) back in line, due now, with a fresh retry window. */
    int replay(Collection<Long> ids, Instant now) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("now", Timestamp.from(now));
        String some = "";
        if (ids != null) {
            if (ids.isEmpty()) {
                return 0;
            }
            some = " AND d.id IN (:ids)";
            params.put("ids", ids);
        }
        return jdbc.update("UPDATE playbook_deliveries SET status = 'pending', next_attempt_at = :now, "
                + "replayed_at = :now, lease_until = NULL WHERE status = 'dead' AND id IN (SELECT d.id FROM "
                + "playbook_deliveries d JOIN customers c ON c.id = d.customer_id WHERE d.status = 'dead' AND "
                + condition.sql() + some + ")", params);
    }

    private DeliveryView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        int attempts = rs.getInt("attempts");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        // a receiver's error message may echo the payload, which quotes the customer
        String name = rs.getString("customer_name");
        String type = rs.getString("customer_type");
        return new DeliveryView(rs.getLong("id"), "strata-" + rs.getLong("entry_id") + "-" + rs.getLong("action_id"),
                rs.getLong("playbook_id"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getLong("customer_id"), PersonalData.nameFor(name, type), rs.getString("kind"), status,
                DeliveryView.zh(status), DeliveryView.en(status), DeliveryView.state(status, attempts), attempts,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                delivered == null ? null : delivered.toInstant(), (Integer) rs.getObject("last_status", Integer.class),
                PersonalData.textAboutFor(rs.getString("last_error"), name, type));
    }
}
