package org.strata.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.access.Role;
import org.strata.server.playbook.Holdout;
import org.strata.server.playbook.PlaybookFixture;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;

/**
 * The console pages over playbooks' results: deliveries with their attempts, dead letters, churn warnings (on their
 * own page and on the customer 360° page) and experiment reports, in both languages, escaping what people typed,
 * and only for the people the API would answer.
 */
@H2Database
@AutoConfigureMockMvc
@SignedInAs
class OperationsPagesTest {

    private static final String MARKUP = "<script>alert(1)</script> 李雷😀";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; 李雷😀";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    long playbook;
    long dead;
    long retrying;
    long delivered;

    @BeforeEach
    void company() {
        new PlaybookFixture(context, mvc).reset();
        jdbc.update("INSERT INTO customers (id, name, type, created_at) VALUES (1, ?, 'company', ?), "
                + "(2, '杭州云帆科技有限公司', 'company', ?)", MARKUP, ts(Instant.parse("2024-01-01T00:00:00Z")),
                ts(Instant.parse("2024-01-01T00:00:00Z")));
        playbook = insert("INSERT INTO playbooks (name_zh, name_en, trigger_kind, created_by, created_at, updated_at) "
                + "VALUES (?, ?, 'warning_raised', 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "回访 " + MARKUP, "Call back " + MARKUP);
        long webhook = insert("INSERT INTO playbook_actions (playbook_id, position, kind, config) VALUES (?, 0, "
                + "'webhook', ?)", playbook, "{\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"top-secret-42\"}");
        long task = insert("INSERT INTO playbook_actions (playbook_id, position, kind, config) VALUES (?, 1, 'task', "
                + "'{\"title\": \"回访\"}')", playbook);
        long first = entry(1);
        long second = entry(2);
        Instant later = Instant.now().plus(Duration.ofDays(1));
        dead = delivery(first, webhook, 1, "webhook", "dead", 3, later, 401, "HTTP 401: bad signature");
        retrying = delivery(second, webhook, 2, "webhook", "pending", 1, later, 503, "HTTP 503: busy");
        delivered = delivery(first, task, 1, "task", "delivered", 1, later, null, null);
        attempt(dead, 1, false, 401, "HTTP 401: bad signature");
        attempt(dead, 2, false, 401, "HTTP 401: bad signature again");
        attempt(dead, 3, false, null, "could not reach 127.0.0.1:9");
        attempt(retrying, 1, false, 503, "HTTP 503: busy");
        attempt(delivered, 1, true, null, null);
    }

    /** Other test classes share the database: leave no rows that refer to their customers' ids. */
    @AfterEach
    void clean() {
        new PlaybookFixture(context, mvc).reset();
    }

    @Test
    void theDeliveriesPageShowsStatusAttemptsErrorsAndKeysInBothLanguages() throws Exception {
        String chinese = page("/deliveries", "zh-CN");
        assertThat(chinese).contains("动作投递", "死信", "重试中", "已投递", "创建任务", "strata-", "HTTP 503: busy",
                "死信（1）").doesNotContain("??");
        String english = page("/deliveries", "en");
        assertThat(english).contains("Action deliveries", "Dead letter", "Retrying", "Delivered", "Create a task",
                "Idempotency key", "Dead letters (1)").doesNotContain("??");
    }

    @Test
    void theDeliveriesPageFiltersByStatusKindAndPlaybook() throws Exception {
        assertThat(rows(page("/deliveries?status=retrying", "en"))).containsExactly(retrying);
        assertThat(rows(page("/deliveries?status=dead", "en"))).containsExactly(dead);
        assertThat(rows(page("/deliveries?kind=task", "en"))).containsExactly(delivered);
        assertThat(rows(page("/deliveries?playbook=" + playbook, "en"))).containsExactly(delivered, retrying, dead);
        String none = page("/deliveries?playbook=" + (playbook + 1), "en");
        assertThat(rows(none)).isEmpty();
        assertThat(none).contains("No delivery matches these filters", "Clear filters");
    }

    @Test
    void aDeliveryShowsEveryAttemptAndItsPayloadWithoutTheSecret() throws Exception {
        String html = page("/deliveries/" + dead, "en");
        assertThat(html).contains("Delivery #" + dead, "HTTP 401: bad signature again", "could not reach 127.0.0.1:9",
                "idempotencyKey", "Replay").doesNotContain("top-secret-42");
        assertThat(html.split("<td class=\"error-text\"", -1)).hasSize(4);
        mvc.perform(get("/deliveries/" + (delivered + 100))).andExpect(status().isNotFound());
    }

    @Test
    void theDeadLettersPageOffersReplayOfOneOrTheSelectedAndSaysWhenThereAreNone() throws Exception {
        String html = page("/deliveries/dead-letters", "zh-CN");
        assertThat(html).contains("重新投递所选", "data-delivery=\"" + dead + "\"", "/assets/dead-letters.js",
                "replay-dialog");
        assertThat(rows(html)).isEmpty(); // rows link to the detail page through "inspect", not the id column
        jdbc.update("UPDATE playbook_deliveries SET status = 'delivered' WHERE id = ?", dead);
        assertThat(page("/deliveries/dead-letters", "en")).contains("No dead letters", "See all deliveries");
    }

    @Test
    void replayingTheSelectedDeadLettersReplaysThoseOnly() throws Exception {
        long another = delivery(entry(2, "second"), actionOf(dead), 2, "webhook", "dead", 5,
                Instant.now(), 500, "HTTP 500");
        mvc.perform(post("/api/v1/deliveries/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\": [" + another + "]}")).andExpect(jsonPath("$.replayed").value(1));
        assertThat(jdbc.queryForObject("SELECT status FROM playbook_deliveries WHERE id = ?", String.class, dead))
                .isEqualTo("dead");
        assertThat(jdbc.queryForObject("SELECT status FROM playbook_deliveries WHERE id = ?", String.class, another))
                .isNotEqualTo("dead");
        // the worker tries the replayed one at once (its receiver is away); let it record that before cleaning up
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM playbook_deliveries WHERE id = ?", Integer.class, another) > 5);
        mvc.perform(get("/api/v1/deliveries").param("status", "retrying"))
                .andExpect(jsonPath("$[*].state", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("retrying"))));
        mvc.perform(get("/api/v1/deliveries").param("kind", "nonsense")).andExpect(status().isBadRequest());
    }

    @Test
    void namesWithMarkupAndEmojiAreEscapedOnEveryPage() throws Exception {
        warning(1, "purchase_gap", null);
        for (String path : List.of("/deliveries", "/deliveries/dead-letters", "/deliveries/" + dead, "/warnings",
                "/customers/1")) {
            assertThat(page(path, "zh-CN")).as(path).contains(ESCAPED).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Test
    void theWarningsPageFiltersBySignalAndStateAndTheCustomerPageShowsThem() throws Exception {
        warning(1, "purchase_gap", null);
        warning(2, "logins_down", Instant.now());
        String open = page("/warnings", "zh-CN");
        assertThat(open).contains("流失预警", "购买间隔异常", "超过平均间隔两倍").doesNotContain("登录骤降</span>");
        String all = page("/warnings?state=all&signal=logins_down", "en");
        assertThat(all).contains("Logins dropped", "logins halved", "Resolved").doesNotContain("Purchase overdue</span>");
        assertThat(page("/customers/2", "en")).contains("Churn warnings", "logins halved", "Resolved");
        assertThat(page("/customers/1", "zh-CN")).contains("warnings-panel", "超过平均间隔两倍", "未解除");
        jdbc.update("DELETE FROM churn_warnings");
        assertThat(page("/warnings", "en")).contains("No warnings", "Scan now");
        assertThat(page("/customers/1", "en")).contains("No churn warnings for this customer.");
    }

    @Test
    void theExperimentReportSaysInPlainWordsThatAKnownEffectIsSignificant() throws Exception {
        long experiment = insert("INSERT INTO playbooks (name_zh, name_en, trigger_kind, holdout_percent, created_by, "
                + "created_at, updated_at) VALUES ('流失关怀', 'Churn care', 'warning_raised', 30, 'test', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        simulate(experiment, 600, 0.45, 0.15);
        String chinese = page("/experiments?mode=playbook&playbook=" + experiment + "&days=30&confidence=95", "zh-CN");
        assertThat(chinese).contains("流失关怀：30 天观察窗口", "干预组", "对照组", "转化率（30 天内下单）",
                "差异显著", "chart-conversion", "data-figures=", "下载数据").doesNotContain("??");
        String english = page("/experiments?mode=playbook&playbook=" + experiment + "&days=30&confidence=95", "en");
        assertThat(english).contains("Churn care: 30-day window", "treated", "held out",
                "the treated group is higher by", "The difference is significant", "Not significant");
        assertThat(page("/experiments", "en")).contains("Choose what to compare", "Churn care (30% held out)");
        assertThat(page("/experiments?mode=playbook&playbook=" + experiment + "&days=0", "en"))
                .contains("The report cannot be made", "days");
    }

    @Test
    @SignedInAs(Role.VIEWER)
    void aViewerSeesWarningsAndExperimentsButNeitherTheDeliveriesNorTheirLink() throws Exception {
        String warnings = page("/warnings", "en");
        assertThat(warnings).contains("href=\"/experiments\"").doesNotContain("href=\"/deliveries\"")
                .doesNotContain("id=\"scan-now\"");
        mvc.perform(get("/deliveries")).andExpect(status().isForbidden());
        mvc.perform(get("/deliveries/dead-letters")).andExpect(status().isForbidden());
        mvc.perform(get("/deliveries/" + dead)).andExpect(status().isForbidden());
        page("/experiments", "zh-CN");
    }

    /** Entrants 60 days ago; treated ones buy within 30 days with one probability, held-out ones with another. */
    private void simulate(long experiment, int customers, double treated, double control) {
        Random random = new Random(7);
        Instant entered = Instant.now().minus(Duration.ofDays(60));
        List<Object[]> rows = new ArrayList<>();
        for (long c = 100; c < 100 + customers; c++) {
            jdbc.update("INSERT INTO customers (id, name, type, created_at) VALUES (?, ?, 'company', ?)", c, "c" + c,
                    ts(entered.minus(Duration.ofDays(400))));
            boolean heldOut = Holdout.heldOut(c, experiment, 30);
            rows.add(new Object[] {experiment, c, "sim-" + c, ts(entered), heldOut});
            if (random.nextDouble() < (heldOut ? control : treated)) {
                jdbc.update("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) VALUES (?, ?, ?, "
                        + "200, 'completed')", "sim-" + c, c, ts(entered.plus(Duration.ofDays(1 + random.nextInt(25)))));
            }
        }
        jdbc.batchUpdate("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, batch_ref, "
                + "occurred_at, held_out) VALUES (?, ?, 'sim', ?, 'sim', ?, ?)", rows);
    }

    private void warning(long customer, String signal, Instant resolved) {
        jdbc.update("INSERT INTO churn_warnings (customer_id, signal, reason_zh, reason_en, raised_at, resolved_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", customer, signal,
                signal.equals("purchase_gap") ? "距上次购买已超过平均间隔两倍" : "登录次数比上期减少一半",
                signal.equals("purchase_gap") ? "no purchase for twice the usual gap" : "logins halved",
                ts(Instant.now().minus(Duration.ofDays(2))), resolved == null ? null : ts(resolved));
    }

    private long entry(long customer) {
        return entry(customer, "ref-" + customer);
    }

    private long entry(long customer, String ref) {
        return insert("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, batch_ref, "
                + "detail, occurred_at, held_out) VALUES (?, ?, 'warning', ?, 'b', 'purchase_gap', ?, FALSE)",
                playbook, customer, ref, ts(Instant.now()));
    }

    private long delivery(long entry, long action, long customer, String kind, String status, int attempts,
                          Instant next, Integer lastStatus, String lastError) {
        return insert("INSERT INTO playbook_deliveries (entry_id, action_id, playbook_id, customer_id, kind, status, "
                + "attempts, created_at, next_attempt_at, last_status, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)", entry, action, playbook, customer, kind, status, attempts, ts(Instant.now()), ts(next),
                lastStatus, lastError);
    }

    private long actionOf(long delivery) {
        return jdbc.queryForObject("SELECT action_id FROM playbook_deliveries WHERE id = ?", Long.class, delivery);
    }

    private void attempt(long delivery, int attempt, boolean succeeded, Integer http, String error) {
        jdbc.update("INSERT INTO playbook_delivery_attempts (delivery_id, attempt, at, succeeded, http_status, error) "
                + "VALUES (?, ?, ?, ?, ?, ?)", delivery, attempt, ts(Instant.now()), succeeded, http, error);
    }

    private long insert(String sql, Object... params) {
        jdbc.update(sql, params);
        String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
        return jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
    }

    /** The delivery ids a page lists, in order (from the links of its first column). */
    private static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"delivery-link\" href=\"/deliveries/(\\d+)\"")
                .matcher(html);
        while (link.find()) {
            ids.add(Long.parseLong(link.group(1)));
        }
        return ids;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).cookie(new Cookie(LocaleConfiguration.COOKIE, language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
