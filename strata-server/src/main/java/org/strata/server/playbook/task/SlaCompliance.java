package org.strata.server.playbook.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The SLA compliance report: for each policy, the customers of its tier per owner, how many are in an open breach,
 * and the share in compliance; one total row per policy (owner null). Within the caller's data scope.
 */
@Repository
class SlaCompliance {

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;

    SlaCompliance(NamedParameterJdbcTemplate jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    record Row(long policyId, String policyZh, String policyEn, String scheme, String tier, Long ownerId,
               String ownerName, long customers, long inBreach, double compliancePercent) {
    }

    List<Row> report() {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        List<Row> owners = jdbc.query("SELECT p.id, p.name_zh, p.name_en, s.scheme_key, p.tier_key, c.owner_id, "
                + "u.display_name, COUNT(*) AS customers, SUM(CASE WHEN EXISTS (SELECT 1 FROM sla_breaches b "
                + "WHERE b.policy_id = p.id AND b.customer_id = c.id AND b.resolved_at IS NULL) THEN 1 ELSE 0 END) "
                + "AS in_breach FROM sla_policies p JOIN tiering_schemes s ON s.id = p.scheme_id "
                + "JOIN tiering_memberships m ON m.scheme_id = p.scheme_id AND m.tier_key = p.tier_key "
                + "JOIN customers c ON c.id = m.customer_id LEFT JOIN users u ON u.id = c.owner_id "
                + "WHERE p.enabled = TRUE AND " + condition.sql() + " GROUP BY p.id, p.name_zh, p.name_en, "
                + "s.scheme_key, p.tier_key, c.owner_id, u.display_name ORDER BY p.id, c.owner_id", params,
                (rs, i) -> row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getLong(8), rs.getLong(9)));
        Map<Long, Row> totals = new LinkedHashMap<>();
        for (Row r : owners) {
            totals.merge(r.policyId(), r, (a, b) -> row(a.policyId(), a.policyZh(), a.policyEn(), a.scheme(),
                    a.tier(), null, null, a.customers() + b.customers(), a.inBreach() + b.inBreach()));
        }
        List<Row> report = new ArrayList<>();
        for (Row total : totals.values()) {
            report.add(row(total.policyId(), total.policyZh(), total.policyEn(), total.scheme(), total.tier(), null,
                    null, total.customers(), total.inBreach()));
            owners.stream().filter(r -> r.policyId() == total.policyId()).forEach(report::add);
        }
        return report;
    }

    private static Row row(long policy, String zh, String en, String scheme, String tier, Long owner, String name,
                           long customers, long inBreach) {
        double percent = customers == 0 ? 100 : Math.round(1000.0 * (customers - inBreach) / customers) / 10.0;
        return new Row(policy, zh, en, scheme, tier, owner, name, customers, inBreach, percent);
    }
}
