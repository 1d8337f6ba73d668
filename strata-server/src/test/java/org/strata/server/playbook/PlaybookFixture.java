package org.strata.server.playbook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.playbook.delivery.DeliveryWorkerPause;
import org.strata.server.tiering.TieringLiveUpdates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers, a published scheme ("vip" for customers who spent at least 1,000 in the last year, else "other") and
 * playbooks, driven through the real tiering and playbook APIs.
 */
public final class PlaybookFixture {

    public static final String SCHEME = "pb_test";
    static final String SCHEME_YAML = """
            key: pb_test
            name: {zh: 剧本测试, en: Playbook test}
            tiers:
              - key: vip
                name: {zh: 重要价值客户, en: VIP}
                rule: monetary_365d >= 1000
            default: {key: other, name: {zh: 其他, en: Others}}
            tags:
              - {key: care, name: {zh: 关怀, en: Care}}
            """;
    static final List<String> TABLES = List.of("playbook_delivery_attempts", "sla_breaches", "playbook_tasks",
            "playbook_deliveries", "playbook_entries", "playbook_actions", "playbooks", "sla_policies",
            "churn_warnings", "tiering_ledger", "tiering_tag_memberships", "tiering_memberships", "tiering_pins",
            "tiering_runs", "tiering_scheme_versions", "tiering_schemes", "events", "orders");

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final MockMvc mvc;
    private final TieringLiveUpdates tiering;
    private final ObjectMapper json = new ObjectMapper();
    private int orderNo;

    public PlaybookFixture(ApplicationContext context, MockMvc mvc) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.mvc = mvc;
        this.tiering = context.getBean(TieringLiveUpdates.class);
    }

    public void reset() {
        // the previous test's deliveries and the live tiering runs they started write rows that point at customers,
        // users and schemes: let them finish first, or a row written between two of these deletes breaks the next one
        DeliveryWorkerPause.whileStopped(context, () -> {
            tiering.applyGathered();
            jdbc.update("UPDATE playbook_tasks SET escalation_of = NULL");
            jdbc.update("UPDATE sla_breaches SET escalation_task_id = NULL");
            TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
            // other test classes sharing the database may have merged customers
            jdbc.update("DELETE FROM identity_merge_blocks");
            jdbc.update("DELETE FROM identity_merges");
            jdbc.update("DELETE FROM customer_identifiers");
            jdbc.update("UPDATE customers SET merged_into = NULL, owner_id = NULL, team_id = NULL");
            jdbc.update("DELETE FROM customer_figures");
            jdbc.update("DELETE FROM customers");
            jdbc.update("UPDATE teams SET manager_id = NULL");
            jdbc.update("DELETE FROM users");
            jdbc.update("UPDATE teams SET parent_id = NULL");
            jdbc.update("DELETE FROM teams");
            // written behind tiering's back: a cached snapshot of the customers just deleted must not tier the next ones
            tiering.bulkDataChanged();
        });
    }

    /** Customers {@code first .. first+count-1}, named c<id>, without orders. */
    public void customers(long first, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = first; id < first + count; id++) {
            rows.add(new Object[] {id, "c" + id, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"))});
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate("INSERT INTO customers (id, name, type, created_at) VALUES (?, ?, 'company', ?)",
                    rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        jdbc.update("INSERT INTO customer_figures (customer_id) SELECT id FROM customers WHERE id BETWEEN ? AND ?",
                first, first + count - 1);
        tiering.bulkDataChanged();
    }

    /** An order of {@code amount} placed {@code ago} before now for each customer. */
    public void orders(long first, int count, double amount, Duration ago) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.now().minus(ago));
        for (long id = first; id < first + count; id++) {
            rows.add(new Object[] {"o" + (++orderNo) + "-" + id, id, at, amount});
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) "
                    + "VALUES (?, ?, ?, ?, 'completed')", rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        // written behind tiering's back: drop its cached features so the next run sees the orders
        tiering.bulkDataChanged();
    }

    public void publishScheme() throws Exception {
        mvc.perform(post("/api/v1/tiering/schemes/import").contentType("application/yaml").content(SCHEME_YAML))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/tiering/schemes/" + SCHEME + "/publish").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"test\"}")).andExpect(status().isOk());
    }

    /** Runs the scheme over every customer; returns the run. */
    public JsonNode run() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/tiering/schemes/" + SCHEME + "/runs"))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    public long createPlaybook(String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/playbooks").contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
    }

    /** A playbook firing on entering "vip" that calls {@code url} with {@code secret}. */
    public long webhookOnVip(String url, String secret, int holdoutPercent) throws Exception {
        return createPlaybook("""
                {"nameZh": "VIP 通知", "nameEn": "VIP webhook",
                 "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                 "holdoutPercent": %d,
                 "actions": [{"kind": "webhook", "settings": {"url": "%s", "secret": "%s"}}]}
                """.formatted(holdoutPercent, url, secret));
    }

    public int count(String sql, Object... params) {
        return jdbc.queryForObject(sql, Integer.class, params);
    }
}
