package org.strata.server.access;

import org.strata.server.testsupport.CustomerData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small company for access tests. Departments 华东 (teams 上海, 杭州) and 华北 (team 北京); one user per role and
 * scope; five customers placed so that every scope sees a different set:
 * <pre>
 *   C1 张伟  owner rep1, team 上海      C2 李娜 owner rep2, team 杭州     C3 王芳 no owner, team 北京
 *   C4 刘洋  owner rep1, team 北京 (owned by rep1 though filed under another department)
 *   C5       absorbed into C1 by a merge (owner rep1)
 * </pre>
 */
final class AccessFixture {

    static final long EAST = 901, SHANGHAI = 902, HANGZHOU = 903, NORTH = 904, BEIJING = 905;
    static final long C1 = 9001, C2 = 9002, C3 = 9003, C4 = 9004, C5 = 9005;
    static final long MERGE_C5_INTO_C1 = 9501;
    static final String PASSWORD = "correct horse battery";

    /** Who sees which (surviving) customers. */
    static final Map<String, Set<Long>> VISIBLE = Map.of(
            "admin", Set.of(C1, C2, C3, C4),
            "analyst", Set.of(C1, C2, C3, C4),
            "rep1", Set.of(C1, C4),
            "rep2", Set.of(C2),
            "manager.sh", Set.of(C1),
            "head.east", Set.of(C1, C2),
            "viewer.bj", Set.of(C3, C4));

    /** What would give each customer away in a page or a response: name, phone (as shown), e-mail. */
    static final Map<Long, List<String>> TRACES = Map.of(
            C1, List.of("张伟", "13812341234", "zhang.wei@"),
            C2, List.of("李娜", "13900001111", "li.na@"),
            C3, List.of("王芳", "13700002222", "wang.fang@"),
            C4, List.of("刘洋", "13600003333", "liu.yang@"));

    static final List<String> USERS = List.of("admin", "analyst", "rep1", "rep2", "manager.sh", "head.east",
            "viewer.bj");

    private final JdbcTemplate jdbc;

    AccessFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deliveries left by earlier tests in the same context may still be retried by the delivery worker, which can
     * record an attempt between the two deletes; parking them first stops new attempts, and later passes catch one
     * that was already in flight. An in-flight delivery records its attempt only when its HTTP call ends, after up to
     * the 10 s request timeout, so the passes are spread over up to twenty seconds rather than run back to back.
     */
    private void deleteDeliveries() {
        jdbc.update("UPDATE playbook_deliveries SET status = 'dead'");
        long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                jdbc.update("DELETE FROM playbook_delivery_attempts");
                jdbc.update("DELETE FROM playbook_deliveries");
                return;
            } catch (org.springframework.dao.DataIntegrityViolationException inFlight) {
                if (System.nanoTime() > giveUpAt) {
                    throw inFlight;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an in-flight delivery", e);
        }
    }

    /** @param passwordHash one bcrypt hash for every user, computed once (hashing is deliberately slow) */
    void reset(String passwordHash) {
        deleteDeliveries();
        for (String sql : List.of("DELETE FROM sla_breaches", "UPDATE playbook_tasks SET escalation_of = NULL",
                "DELETE FROM playbook_tasks", "DELETE FROM playbook_entries", "DELETE FROM playbook_actions", "DELETE FROM playbooks",
                "DELETE FROM sla_policies", "DELETE FROM churn_warnings", "UPDATE teams SET manager_id = NULL",
                "DELETE FROM sign_in_failures",
                "DELETE FROM api_tokens", "DELETE FROM tiering_ledger",
                "DELETE FROM tiering_tag_memberships", "DELETE FROM tiering_memberships", "DELETE FROM tiering_pins",
                "DELETE FROM tiering_runs", "DELETE FROM tiering_scheme_versions", "DELETE FROM tiering_schemes",
                "DELETE FROM identity_merge_blocks", "DELETE FROM identity_merges", "DELETE FROM customer_identifiers",
                "DELETE FROM events", "DELETE FROM orders", "DELETE FROM import_errors", "DELETE FROM import_jobs",
                "DELETE FROM customer_figures", "UPDATE customers SET merged_into = NULL", "DELETE FROM customers", "DELETE FROM users",
                "UPDATE teams SET parent_id = NULL", "DELETE FROM teams",
                "UPDATE role_data_scopes SET data_scope = 'all' WHERE role IN ('admin', 'analyst')",
                "UPDATE role_data_scopes SET data_scope = 'team' WHERE role IN ('manager', 'viewer')",
                "UPDATE role_data_scopes SET data_scope = 'mine' WHERE role = 'sales_rep'")) {
            jdbc.update(sql);
        }
        team(EAST, "east", "华东销售部", null);
        team(SHANGHAI, "sh", "上海一组", EAST);
        team(HANGZHOU, "hz", "杭州组", EAST);
        team(NORTH, "north", "华北销售部", null);
        team(BEIJING, "bj", "北京组", NORTH);
        user(801, "admin", "admin", null, null, passwordHash);
        user(802, "analyst", "analyst", null, null, passwordHash);
        user(803, "rep1", "sales_rep", SHANGHAI, null, passwordHash);
        user(804, "rep2", "sales_rep", HANGZHOU, null, passwordHash);
        user(805, "manager.sh", "manager", SHANGHAI, null, passwordHash);
        user(806, "head.east", "manager", SHANGHAI, "department", passwordHash);
        user(807, "viewer.bj", "viewer", BEIJING, null, passwordHash);
        customer(C1, "张伟", "+8613812341234", "zhang.wei@example.com", 803L, SHANGHAI);
        customer(C2, "李娜", "+8613900001111", "li.na@example.com", 804L, HANGZHOU);
        customer(C3, "王芳", "+8613700002222", "wang.fang@example.com", null, BEIJING);
        customer(C4, "刘洋", "+8613600003333", "liu.yang@example.com", 803L, BEIJING);
        customer(C5, "张伟", "+8613812341234", null, 803L, SHANGHAI);
        jdbc.update("UPDATE customers SET merged_into = ? WHERE id = ?", C1, C5);
        jdbc.update("INSERT INTO identity_merges (id, survivor_id, absorbed_id, key_kind, key_value, merged_by) "
                + "VALUES (?, ?, ?, 'phone', '+8613812341234', 'import')", MERGE_C5_INTO_C1, C1, C5);
        identifier(C1, "phone", "", "+8613812341234");
        identifier(C1, "email", "", "zhang.wei@example.com");
        identifier(C2, "phone", "", "+8613900001111");
        identifier(C3, "phone", "", "+8613700002222");
        identifier(C4, "phone", "", "+8613600003333");
        long order = 0;
        for (long customer : List.of(C1, C2, C3, C4, C5)) {
            jdbc.update("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status, customer_ref) "
                            + "VALUES (?, ?, ?, ?, 'completed', ?)", "A" + (++order), customer,
                    Timestamp.from(Instant.parse("2026-03-01T02:00:00Z")), 1000 * order, "ref-" + customer);
        }
        jdbc.update("INSERT INTO events (event_key, customer_id, type, occurred_at, properties) VALUES "
                + "('e1', ?, 'ticket', ?, '{\"note\": \"张伟 called from 13812341234\"}')", C1,
                Timestamp.from(Instant.parse("2026-03-02T02:00:00Z")));
    }

    private void team(long id, String code, String name, Long parent) {
        jdbc.update("INSERT INTO teams (id, code, name, parent_id) VALUES (?, ?, ?, ?)", id, code, name, parent);
    }

    private void user(long id, String username, String role, Long team, String ownScope, String hash) {
        jdbc.update("INSERT INTO users (id, username, display_name, team_id, role, data_scope, password_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, username, username, team, role, ownScope, hash);
    }

    private void customer(long id, String name, String phone, String email, Long owner, Long team) {
        jdbc.update("INSERT INTO customers (id, name, type, phone, email, owner_id, team_id, source) "
                + "VALUES (?, ?, 'person', ?, ?, ?, ?, 'crm')", id, name, phone, email, owner, team);
        CustomerData.zeroFigures(jdbc, id);
    }

    private void identifier(long customer, String kind, String namespace, String value) {
        jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value) "
                + "VALUES (?, ?, ?, ?, ?)", customer, customer, kind, namespace, value);
    }
}
