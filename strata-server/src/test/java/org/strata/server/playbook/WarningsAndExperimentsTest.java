package org.strata.server.playbook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Churn signals raise warnings that feed playbooks; experiment reports on simulated data with a known effect. */
class WarningsAndExperimentsTest {

    abstract static class Contract extends PlaybookContract {

        PlaybookFixture fixture;
        final ObjectMapper json = new ObjectMapper();
        final Instant now = Instant.now();

        @BeforeEach
        void reset() {
            fixture = newFixture();
            fixture.reset();
        }

        void order(long customer, Duration ago, double amount) {
            jdbc.update("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) "
                    + "VALUES (?, ?, ?, ?, 'completed')", "w" + customer + "-" + ago.toMinutes() + "-" + amount,
                    customer, Timestamp.from(now.minus(ago)), amount);
        }

        void logins(long customer, int count, Duration from, Duration to) {
            for (int i = 0; i < count; i++) {
                Duration ago = from.minus(from.minus(to).multipliedBy(i + 1).dividedBy(count + 1));
                jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) "
                        + "VALUES ('app', ?, ?, 'login', ?)", "l" + customer + "-" + i + "-" + from.toDays(), customer,
                        Timestamp.from(now.minus(ago)));
            }
        }

        /** Order figures of the customers, as CustomerStatsRefresher keeps them. */
        void refreshStats() {
            jdbc.update("UPDATE customer_figures SET order_count = (SELECT COUNT(*) FROM orders o WHERE o.customer_id = "
                    + "customer_figures.customer_id), first_order_at = (SELECT MIN(ordered_at) FROM orders o WHERE "
                    + "o.customer_id = customer_figures.customer_id), last_order_at = (SELECT MAX(ordered_at) FROM "
                    + "orders o WHERE o.customer_id = customer_figures.customer_id)");
        }

        @Test
        void signalsRaiseWarningsWithTheirReasonOnceAndResolveWhenTheCustomerIsBack() throws Exception {
            fixture.customers(1, 4);
            // 1: bought every 10 days, silent for 40 days -> purchase gap (and quiet is not yet 90 days)
            for (int i = 0; i < 5; i++) {
                order(1, Duration.ofDays(40 + 10L * i), 100);
            }
            // 2: 12 logins in the previous 30 days, 3 in the last 30 -> logins down 75%
            logins(2, 12, Duration.ofDays(59), Duration.ofDays(31));
            logins(2, 3, Duration.ofDays(29), Duration.ofDays(1));
            // 3: bought 120 days ago, nothing since -> quiet after being active
            order(3, Duration.ofDays(120), 500);
            // 4: a steady buyer: no warning
            for (int i = 0; i < 5; i++) {
                order(4, Duration.ofDays(2 + 10L * i), 100);
            }
            refreshStats();
            fixture.createPlaybook("""
                    {"nameZh": "流失关怀", "trigger": {"kind": "warning_raised", "signal": "purchase_gap"},
                     "actions": [{"kind": "task", "settings": {"title": "关怀电话", "dueInHours": 24}}]}
                    """);

            mvc.perform(post("/api/v1/warnings/scan")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.raised.purchase_gap").value(1))
                    .andExpect(jsonPath("$.raised.logins_down").value(1))
                    .andExpect(jsonPath("$.raised.quiet_after_active").value(1))
                    .andExpect(jsonPath("$.playbookEntries").value(1));
            mvc.perform(get("/api/v1/customers/1/warnings"))
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].signalZh").value("购买间隔异常"))
                    .andExpect(jsonPath("$[0].reasonZh").value("已 40 天未购买，是其平均购买间隔（10 天）的 4.0 倍"))
                    .andExpect(jsonPath("$[0].open").value(true));
            mvc.perform(get("/api/v1/customers/2/warnings"))
                    .andExpect(jsonPath("$[0].reasonEn").value("3 logins in the last 30 days, down 75% from 12 in the "
                            + "30 days before"));
            mvc.perform(get("/api/v1/customers/4/warnings")).andExpect(jsonPath("$.length()").value(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.count(
                    "SELECT COUNT(*) FROM playbook_tasks WHERE customer_id = 1 AND title = '关怀电话'") == 1);

            mvc.perform(post("/api/v1/warnings/scan")).andExpect(jsonPath("$.raised.purchase_gap").value(0))
                    .andExpect(jsonPath("$.playbookEntries").value(0));
            order(1, Duration.ofDays(1), 100);
            refreshStats();
            mvc.perform(post("/api/v1/warnings/scan")).andExpect(jsonPath("$.resolved.purchase_gap").value(1));
            mvc.perform(get("/api/v1/warnings")).andExpect(jsonPath("$.length()").value(2));
        }

        @Test
        void theExperimentReportFindsAKnownEffectAndItsIntervalCoversIt() throws Exception {
            fixture.customers(1, 2_000);
            fixture.publishScheme();
            long playbook = fixture.webhookOnVip("http://127.0.0.1:9/unused", "s", 30);
            jdbc.update("UPDATE playbooks SET enabled = FALSE");
            // 2,000 entrants 60 days ago: treated buy within 30 days with probability 0.40, held-out ones 0.20
            Random random = new Random(2026);
            Instant entered = now.minus(Duration.ofDays(60));
            List<Object[]> entries = new ArrayList<>();
            int treated = 0;
            int treatedBuyers = 0;
            for (long c = 1; c <= 2_000; c++) {
                boolean heldOut = Holdout.heldOut(c, playbook, 30);
                entries.add(new Object[] {playbook, c, "sim-" + c, Timestamp.from(entered), heldOut});
                boolean buys = random.nextDouble() < (heldOut ? 0.20 : 0.40);
                if (!heldOut) {
                    treated++;
                    treatedBuyers += buys ? 1 : 0;
                }
                if (buys) {
                    jdbc.update("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) "
                            + "VALUES (?, ?, ?, 300, 'completed')", "x" + c, c,
                            Timestamp.from(entered.plus(Duration.ofDays(1 + random.nextInt(28)))));
                }
            }
            jdbc.batchUpdate("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, "
                    + "batch_ref, occurred_at, held_out) VALUES (?, ?, 'sim', ?, 'sim', ?, ?)", entries);

            MvcResult result = mvc.perform(get("/api/v1/experiments/playbooks/" + playbook).param("days", "30"))
                    .andExpect(status().isOk()).andReturn();
            JsonNode report = json.readTree(result.getResponse().getContentAsString());
            assertThat(report.get("treated").get("entrants").asInt()).isEqualTo(treated);
            assertThat(report.get("treated").get("converted").asInt()).isEqualTo(treatedBuyers);
            JsonNode conversion = report.get("conversion");
            assertThat(conversion.get("interval").get("low").asDouble()).isLessThan(0.20);
            assertThat(conversion.get("interval").get("high").asDouble()).isGreaterThan(0.20);
            assertThat(conversion.get("significant").asBoolean()).isTrue();
            assertThat(conversion.get("pValue").asDouble()).isLessThan(1e-6);
            JsonNode revenue = report.get("revenue");
            assertThat(revenue.get("interval").get("low").asDouble()).isLessThan(60.0);
            assertThat(revenue.get("interval").get("high").asDouble()).isGreaterThan(60.0);
            // nobody ordered in the second window: retention is the same (zero) in both groups
            assertThat(report.get("retention").get("significant").asBoolean()).isFalse();
            assertThat(report.get("conversion").get("nameZh").asString()).isEqualTo("转化率");
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
