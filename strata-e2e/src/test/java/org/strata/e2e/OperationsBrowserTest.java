package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.playbook.Holdout;

/**
 * An admin finds a dead letter, inspects it, replays it to a receiver that now accepts it, then reads an experiment
 * report with its charts and switches the console to English.
 */
class OperationsBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    HttpServer receiver;
    /** What the receiver answers: 400 until the "fix", then 200. */
    final AtomicInteger answer = new AtomicInteger(400);
    final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = answer.get();
            if (status == 200) {
                acceptedKeys.add(exchange.getRequestHeaders().getFirst("X-Strata-Idempotency-Key"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anAdminReplaysADeadLetterAndReadsAnExperimentReportInBothLanguages() throws Exception {
        long customer = jdbc.queryForObject("SELECT MIN(id) FROM customers WHERE merged_into IS NULL", Long.class);
        long playbook = playbook("VIP 回访 <script>alert(1)</script> 🎯", "VIP call back", 30);
        long action = insert("INSERT INTO playbook_actions (playbook_id, position, kind, config) VALUES (?, 0, "
                + "'webhook', ?)", playbook, "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook\", \"secret\": \"e2e-secret\"}");
        long entry = insert("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, "
                + "batch_ref, occurred_at, held_out) VALUES (?, ?, 'e2e', 'dead', 'e2e', ?, FALSE)", playbook,
                customer, Timestamp.from(Instant.now()));
        long delivery = insert("INSERT INTO playbook_deliveries (entry_id, action_id, playbook_id, customer_id, kind, "
                + "status, attempts, created_at, next_attempt_at, last_status, last_error) VALUES (?, ?, ?, ?, "
                + "'webhook', 'dead', 1, ?, ?, 400, 'HTTP 400: bad request')", entry, action, playbook, customer,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO playbook_delivery_attempts (delivery_id, attempt, at, succeeded, http_status, error) "
                + "VALUES (?, 1, ?, FALSE, 400, 'HTTP 400: bad request')", delivery, Timestamp.from(Instant.now()));

        open("/deliveries");
        waitFor(By.id("dead-letters-tab")).click();
        waitForText(By.tagName("h1"), "死信");
        assertThat(driver.findElement(By.id("deadletter-table")).getText()).contains("VIP 回访 <script>alert(1)</script>",
                "HTTP 400: bad request");
        capture("OperationsBrowserTest-1-dead-letters");

        // the receiver is fixed; replay through the keyboard: tick the row, then "replay selected", then confirm
        answer.set(200);
        driver.findElement(By.id("pick-" + delivery)).sendKeys(Keys.SPACE);
        waitForText(By.id("selected-count"), "1");
        driver.findElement(By.id("replay-selected")).sendKeys(Keys.ENTER);
        waitFor(By.id("replay-dialog"));
        assertThat(driver.findElement(By.id("replay-dialog-text")).getText()).contains("1");
        capture("OperationsBrowserTest-2-confirm");
        driver.findElement(By.id("replay-confirm")).click();
        waitForText(By.id("deadletter-notice"), "已重新排队 1 条投递");
        waiting().until(d -> acceptedKeys.contains("strata-" + entry + "-" + action));

        open("/deliveries/" + delivery);
        waiting().until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector(".subtitle .badge")).getText().equals("已投递");
        });
        assertThat(driver.findElements(By.cssSelector("#attempt-table tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.id("payload")).getText()).contains("\"idempotencyKey\" : \"strata-" + entry)
                .doesNotContain("e2e-secret");
        capture("OperationsBrowserTest-3-delivery");

        long experiment = playbook("流失关怀实验", "Churn care experiment", 30);
        entrants(experiment);
        open("/experiments");
        new org.openqa.selenium.support.ui.Select(waitFor(By.id("playbook")))
                .selectByValue(Long.toString(experiment));
        driver.findElement(By.id("show-report")).click();
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-experiment-drawn")));
        assertThat(driver.findElement(By.id("experiment-table")).getText()).contains("转化率", "人均收入", "留存率");
        assertThat(driver.findElements(By.cssSelector("#chart-conversion canvas"))).isNotEmpty();
        capture("OperationsBrowserTest-4-experiment-zh");

        driver.findElement(By.id("lang-en")).click();
        waitForText(By.tagName("h1"), "Experiment report");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-experiment-drawn")));
        assertThat(driver.findElement(By.id("verdicts")).getText()).containsAnyOf("significant", "too few");
        assertThat(driver.findElement(By.id("experiment-table")).getText()).contains("Conversion", "treated");
    }

    private long playbook(String nameZh, String nameEn, int holdout) {
        return insert("INSERT INTO playbooks (name_zh, name_en, trigger_kind, holdout_percent, created_by, created_at, "
                + "updated_at) VALUES (?, ?, 'warning_raised', ?, 'e2e', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                nameZh, nameEn, holdout);
    }

    /** 800 demo customers entered the playbook 120 days before the demo's now: both 30-day windows have ended. */
    private void entrants(long playbook) {
        Timestamp entered = Timestamp.from(DEMO_NOW.minus(Duration.ofDays(120)));
        List<Long> customers = jdbc.queryForList("SELECT id FROM customers WHERE merged_into IS NULL ORDER BY id "
                + "FETCH FIRST 800 ROWS ONLY", Long.class);
        jdbc.batchUpdate("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, batch_ref, "
                + "occurred_at, held_out) VALUES (?, ?, 'e2e', ?, 'e2e', ?, ?)", customers.stream()
                .map(c -> new Object[] {playbook, c, "x" + c, entered, Holdout.heldOut(c, playbook, 30)}).toList());
    }

    private long insert(String sql, Object... params) {
        jdbc.update(sql, params);
        String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
        return jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
    }
}
