package org.strata.server.access;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;

/**
 * What playbooks leave behind for each customer of {@link AccessFixture}: an entry (C2 and C4 held out), a dead
 * delivery with a failed attempt, an open task, an SLA breach per policy and a churn warning. Their free texts
 * quote the customer's name, phone and e-mail the way templates and receivers do, so masking can be checked too.
 */
final class PlaybookRows {

    static final long PLAYBOOK = 9701, ACTION = 9711;
    private static final List<Long> CUSTOMERS = List.of(C1, C2, C3, C4);
    private static final Map<Long, Long> OWNER = Map.of(C1, 803L, C2, 804L, C4, 803L);
    private static final Map<Long, Long> TEAM = Map.of(C1, AccessFixture.SHANGHAI, C2, AccessFixture.HANGZHOU,
            C3, AccessFixture.BEIJING, C4, AccessFixture.BEIJING);
    private static final Timestamp LONG_AGO = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Timestamp FAR_AHEAD = Timestamp.from(Instant.parse("2099-01-01T00:00:00Z"));

    private final JdbcTemplate jdbc;

    PlaybookRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static long taskOf(long customer) {
        return customer - C1 + 9741;
    }

    static long deliveryOf(long customer) {
        return customer - C1 + 9731;
    }

    /** @param schemeId a published scheme whose tiers get one SLA policy each */
    void load(long schemeId) {
        jdbc.update("INSERT INTO playbooks (id, name_zh, name_en, scheme_id, trigger_kind, trigger_tier, "
                + "holdout_percent, created_by, created_at, updated_at) VALUES (?, '回访', 'Call back', ?, "
                + "'entered_tier', 'a', 50, 'admin', ?, ?)", PLAYBOOK, schemeId, LONG_AGO, LONG_AGO);
        jdbc.update("INSERT INTO playbook_actions (id, playbook_id, position, kind, config) VALUES (?, ?, 0, "
                + "'webhook', '{\"url\": \"http://127.0.0.1:1/hook\"}')", ACTION, PLAYBOOK);
        List<String> tiers = jdbc.queryForList("SELECT DISTINCT tier_key FROM tiering_memberships WHERE scheme_id = ?",
                String.class, schemeId);
        for (int i = 0; i < tiers.size(); i++) {
            jdbc.update("INSERT INTO sla_policies (id, scheme_id, tier_key, kind, hours, contact_types, name_zh, "
                    + "name_en, created_at) VALUES (?, ?, ?, 'first_contact', 48, 'ticket', '首次联系', "
                    + "'First contact', ?)", 9751 + i, schemeId, tiers.get(i), LONG_AGO);
        }
        for (long customer : CUSTOMERS) {
            List<String> traces = AccessFixture.TRACES.get(customer);
            String name = traces.get(0);
            String phone = traces.get(1);
            String quoted = "客户 " + name + "，电话 " + phone + "，邮箱 " + traces.get(2) + "example.com";
            long n = customer - C1;
            jdbc.update("INSERT INTO playbook_entries (id, playbook_id, customer_id, source_kind, source_ref, "
                    + "batch_ref, occurred_at, held_out) VALUES (?, ?, ?, 'ledger', ?, 'matrix', ?, ?)", 9721 + n,
                    PLAYBOOK, customer, "r" + customer, LONG_AGO, customer == C2 || customer == C4);
            jdbc.update("INSERT INTO playbook_deliveries (id, entry_id, action_id, playbook_id, customer_id, kind, "
                    + "status, attempts, created_at, next_attempt_at, last_status, last_error) VALUES (?, ?, ?, ?, ?, "
                    + "'webhook', 'dead', 1, ?, ?, 500, ?)", deliveryOf(customer), 9721 + n, ACTION, PLAYBOOK,
                    customer, LONG_AGO, LONG_AGO, "receiver refused: " + quoted);
            jdbc.update("INSERT INTO playbook_delivery_attempts (delivery_id, attempt, at, succeeded, http_status, "
                    + "error) VALUES (?, 1, ?, FALSE, 500, ?)", deliveryOf(customer), LONG_AGO,
                    "receiver refused: " + quoted);
            jdbc.update("INSERT INTO playbook_tasks (id, customer_id, owner_id, team_id, kind, title, description, "
                    + "priority, due_at, status, created_at) VALUES (?, ?, ?, ?, 'task', ?, ?, 'normal', ?, 'open', ?)",
                    taskOf(customer), customer, OWNER.get(customer), TEAM.get(customer), "回访 " + name, quoted,
                    FAR_AHEAD, LONG_AGO);
            for (int i = 0; i < tiers.size(); i++) {
                jdbc.update("INSERT INTO sla_breaches (policy_id, customer_id, owner_id, due_at, detected_at) "
                        + "VALUES (?, ?, ?, ?, ?)", 9751 + i, customer, OWNER.get(customer), LONG_AGO, LONG_AGO);
            }
            jdbc.update("INSERT INTO churn_warnings (customer_id, signal, reason_zh, reason_en, details, raised_at) "
                    + "VALUES (?, 'purchase_gap', ?, ?, ?, ?)", customer, quoted + " 已 90 天未下单",
                    name + " (" + phone + ") has not bought for 90 days", "{\"phone\": \"" + phone + "\"}", LONG_AGO);
        }
    }
}
