package org.strata.server.playbook.experiment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * Reads each unit's outcome after its start: orders completed (or partly refunded) in the first window, their net
 * revenue, and whether it ordered again in the second window. A unit is an entry of a playbook, or a current member
 * of a tier since it entered. Only units whose first window has ended count; within the caller's data scope.
 */
@Component
class Outcomes {

    /** One unit's outcome; {@code retained} is null while its second window is still open. */
    record Unit(boolean control, boolean converted, double revenue, Boolean retained) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;

    Outcomes(NamedParameterJdbcTemplate jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Entrants of a playbook (not filtered out), held-out ones as control. */
    List<Unit> ofPlaybook(long playbookId, int days, Instant now) {
        return read("SELECT e.id AS unit, e.customer_id AS customer_id, e.occurred_at AS started, "
                + "e.held_out AS control FROM playbook_entries e WHERE e.playbook_id = :source AND e.filtered = FALSE",
                Map.of("source", playbookId), days, now);
    }

    /** Current members of a tier: {@code control} marks the second group of a scheme comparison. */
    List<Unit> ofTier(String scheme, String tier, boolean control, int days, Instant now) {
        return read("SELECT m.customer_id AS unit, m.customer_id AS customer_id, m.since AS started, "
                + (control ? "TRUE" : "FALSE") + " AS control FROM tiering_memberships m "
                + "JOIN tiering_schemes s ON s.id = m.scheme_id WHERE s.scheme_key = :scheme AND m.tier_key = :tier",
                Map.of("scheme", scheme, "tier", tier), days, now);
    }

    private List<Unit> read(String units, Map<String, Object> unitParams, int days, Instant now) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.putAll(unitParams);
        params.put("now", Timestamp.from(now));
        // days is an integer, safe to write into the statement; intervals cannot be bound portably
        String first = "INTERVAL '" + days + "' DAY";
        String second = "INTERVAL '" + (2 * days) + "' DAY";
        List<Unit> out = new ArrayList<>();
        jdbc.query("SELECT u.unit, u.control, u.started, "
                + "SUM(CASE WHEN o.ordered_at <= u.started + " + first + " THEN 1 ELSE 0 END) AS first_orders, "
                + "SUM(CASE WHEN o.ordered_at <= u.started + " + first + " THEN o.amount - o.refund_amount "
                + "ELSE 0 END) AS revenue, "
                + "SUM(CASE WHEN o.ordered_at > u.started + " + first + " THEN 1 ELSE 0 END) AS later_orders, "
                + "CASE WHEN u.started + " + second + " <= :now THEN 1 ELSE 0 END AS retention_known "
                + "FROM (" + units + ") u JOIN customers c ON c.id = u.customer_id "
                + "LEFT JOIN orders o ON o.customer_id = u.customer_id "
                + "AND o.status IN ('completed', 'partially_refunded') AND o.ordered_at > u.started "
                + "AND o.ordered_at <= u.started + " + second + " AND o.ordered_at <= :now "
                + "WHERE u.started + " + first + " <= :now AND " + condition.sql()
                + " GROUP BY u.unit, u.control, u.started", params, rs -> {
                    boolean known = rs.getInt("retention_known") == 1;
                    out.add(new Unit(rs.getBoolean("control"), rs.getLong("first_orders") > 0,
                            rs.getDouble("revenue"), known ? rs.getLong("later_orders") > 0 : null));
                });
        return out;
    }
}
