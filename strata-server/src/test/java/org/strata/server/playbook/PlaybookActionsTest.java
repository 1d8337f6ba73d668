package org.strata.server.playbook;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.strata.server.playbook.task.SlaMonitor;
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

/** Internal actions (owner assignment, tasks, tags), group robots, SLAs with escalation, on H2 and PostgreSQL. */
class PlaybookActionsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    abstract static class Contract extends PlaybookContract {

        @Autowired
        SlaMonitor sla;
        PlaybookFixture fixture;
        final ObjectMapper json = new ObjectMapper();

        @BeforeEach
        void reset() throws Exception {
            fixture = newFixture();
            fixture.reset();
            // 华东销售部 (manager wang) with its group 上海一组: sales li (1) and zhao (2)
            jdbc.update("INSERT INTO teams (id, code, name) VALUES (10, 'east', '华东销售部')");
            jdbc.update("INSERT INTO teams (id, code, name, parent_id) VALUES (11, 'sh1', '上海一组', 10)");
            jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (1, 'li', '李娜', 11)");
            jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (2, 'zhao', '赵磊', 11)");
            jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (3, 'wang', '王总', 10)");
            jdbc.update("UPDATE teams SET manager_id = 3 WHERE id IN (10, 11)");
            fixture.customers(1, 20);
            fixture.orders(1, 20, 10, Duration.ofDays(3));
            fixture.publishScheme();
            fixture.run();
        }

        int deliveries(String status) {
            return fixture.count("SELECT COUNT(*) FROM playbook_deliveries WHERE status = ?", status);
        }

        @Test
        void entrantsAreAssignedInTurnAndGetAFirstVisitTaskForTheirNewOwner() throws Exception {
            fixture.createPlaybook("""
                    {"nameZh": "重要客户首访", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [
                       {"kind": "assign_owner", "settings": {"team": "sh1"}},
                       {"kind": "task", "settings": {"title": "首次拜访", "dueInHours": 48, "priority": "high"}}]}
                    """);
            fixture.orders(1, 4, 5_000, Duration.ofDays(1));
            fixture.run();

            await().atMost(WAIT).until(() -> deliveries("delivered") == 8);
            assertThat(jdbc.queryForList("SELECT owner_id FROM customers WHERE id <= 4 ORDER BY owner_id", Long.class))
                    .containsExactly(1L, 1L, 2L, 2L);
            assertThat(fixture.count("SELECT COUNT(*) FROM playbook_tasks t JOIN customers c ON c.id = t.customer_id "
                    + "WHERE t.owner_id = c.owner_id AND t.title = '首次拜访' AND t.priority = 'high'")).isEqualTo(4);
            mvc.perform(get("/api/v1/tasks").param("owner", "1").param("state", "due"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2))
                    .andExpect(jsonPath("$[0].stateZh").value("待办"))
                    .andExpect(jsonPath("$[0].teamName").value("上海一组"));
            mvc.perform(get("/api/v1/tasks").param("team", "10")).andExpect(jsonPath("$.length()").value(4));
        }

        @Test
        void capacityAwareAssignmentPicksTheLeastLoadedAndStopsAtTheMaximum() throws Exception {
            jdbc.update("UPDATE customers SET owner_id = 1 WHERE id IN (10, 11)");
            fixture.orders(10, 2, 5_000, Duration.ofDays(1));
            fixture.run();
            fixture.createPlaybook("""
                    {"nameZh": "按容量分配", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "assign_owner",
                                  "settings": {"team": "sh1", "strategy": "capacity", "maxPerPerson": 2}}]}
                    """);
            fixture.orders(1, 3, 5_000, Duration.ofDays(1));
            fixture.run();

            await().atMost(WAIT).until(() -> deliveries("delivered") + deliveries("dead") == 3);
            // li already had 2 VIPs: zhao takes two, then everyone is at the maximum
            assertThat(fixture.count("SELECT COUNT(*) FROM customers WHERE id <= 3 AND owner_id = 2")).isEqualTo(2);
            assertThat(deliveries("dead")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT last_error FROM playbook_deliveries WHERE status = 'dead'",
                    String.class)).contains("already has 2 customers of tier 'vip'");
        }

        @Test
        void aTagGivenByOnePlaybookFiresThePlaybookWatchingThatTag() throws Exception {
            fixture.createPlaybook("""
                    {"nameZh": "关怀标签", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "add_tag", "settings": {"tag": "care"}}]}
                    """);
            fixture.createPlaybook("""
                    {"nameZh": "关怀任务", "trigger": {"kind": "tag_added", "scheme": "pb_test", "tag": "care"},
                     "actions": [{"kind": "task", "settings": {"title": "关怀电话", "dueInHours": 24}}]}
                    """);
            fixture.orders(5, 2, 5_000, Duration.ofDays(1));
            fixture.run();

            await().atMost(WAIT).until(() -> fixture.count("SELECT COUNT(*) FROM playbook_tasks "
                    + "WHERE title = '关怀电话'") == 2);
            assertThat(fixture.count("SELECT COUNT(*) FROM tiering_tag_memberships WHERE tag_key = 'care'"))
                    .isEqualTo(2);
        }

        @Test
        void groupRobotMessagesFollowTheirDocumentedFormatsAndSigning() throws Exception {
            try (Receiver wecom = Receiver.robot("{\"errcode\":0,\"errmsg\":\"ok\"}");
                 Receiver dingtalk = Receiver.robot("{\"errcode\":0,\"errmsg\":\"ok\"}");
                 Receiver feishu = Receiver.robot("{\"code\":0,\"msg\":\"success\",\"data\":{}}")) {
                fixture.createPlaybook("""
                        {"nameZh": "群通知", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                         "actions": [
                           {"kind": "wecom", "settings": {"url": "%s?key=k1", "text": "客户 {customer} 进入 {detail}"}},
                           {"kind": "dingtalk", "settings": {"url": "%s?access_token=t1", "secret": "SECding",
                                                             "format": "text", "text": "客户 {customer}"}},
                           {"kind": "feishu", "settings": {"url": "%s", "secret": "fsecret", "text": "客户 {customer}"}}]}
                        """.formatted(wecom.url(), dingtalk.url(), feishu.url()));
                fixture.orders(7, 1, 5_000, Duration.ofDays(1));
                fixture.run();
                await().atMost(WAIT).until(() -> deliveries("delivered") == 3);

                JsonNode w = json.readTree(wecom.bodies().get(0));
                assertThat(w.get("msgtype").asString()).isEqualTo("markdown");
                assertThat(w.get("markdown").get("content").asString()).isEqualTo("客户 c7 进入 vip");
                assertThat(wecom.queries().get(0)).isEqualTo("key=k1");

                JsonNode d = json.readTree(dingtalk.bodies().get(0));
                assertThat(d.get("msgtype").asString()).isEqualTo("text");
                assertThat(d.get("text").get("content").asString()).isEqualTo("客户 c7");
                assertThat(d.get("at").get("isAtAll").asBoolean()).isFalse();
                Map<String, String> query = query(dingtalk.queries().get(0));
                assertThat(query).containsEntry("access_token", "t1");
                String timestamp = query.get("timestamp");
                assertThat(java.net.URLDecoder.decode(query.get("sign"), StandardCharsets.UTF_8))
                        .isEqualTo(base64Hmac("SECding", timestamp + "\nSECding"));

                JsonNode f = json.readTree(feishu.bodies().get(0));
                assertThat(f.get("msg_type").asString()).isEqualTo("text");
                assertThat(f.get("content").get("text").asString()).isEqualTo("客户 c7");
                assertThat(f.get("sign").asString())
                        .isEqualTo(base64Hmac(f.get("timestamp").asString() + "\nfsecret", ""));
            }
        }

        @Test
        void aRobotThatRefusesTheMessageInItsAnswerIsRetried() throws Exception {
            try (Receiver wecom = Receiver.robot("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")) {
                fixture.createPlaybook("""
                        {"nameZh": "群通知", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                         "actions": [{"kind": "wecom", "settings": {"url": "%s"}}]}
                        """.formatted(wecom.url()));
                fixture.orders(7, 1, 5_000, Duration.ofDays(1));
                fixture.run();
                await().atMost(WAIT).until(() -> wecom.calls() >= 3);
                assertThat(deliveries("delivered")).isZero();
                assertThat(jdbc.queryForObject("SELECT last_error FROM playbook_deliveries", String.class))
                        .contains("45009");
            }
        }

        @Test
        void aMissedFirstContactIsABreachEscalatedToTheManagerAndADoneTaskResolvesIt() throws Exception {
            mvc.perform(post("/api/v1/sla/policies").contentType(MediaType.APPLICATION_JSON).content("""
                    {"scheme": "pb_test", "tier": "vip", "kind": "first_contact", "hours": 48,
                     "nameZh": "VIP 48 小时内首次联系", "nameEn": "VIP first contact within 48 h"}
                    """)).andExpect(status().isCreated()).andExpect(jsonPath("$.kindZh").value("进入后首次联系时限"));
            jdbc.update("UPDATE customers SET owner_id = 1 WHERE id IN (1, 2)");
            fixture.orders(1, 2, 5_000, Duration.ofDays(1));
            fixture.run();
            // customer 2 was visited the next day; customer 1 was not
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) "
                    + "VALUES ('crm', 'v1', 2, 'visit', ?)", Timestamp.from(Instant.now().plus(Duration.ofDays(1))));

            SlaMonitor.CheckResult result = sla.check(Instant.now().plus(Duration.ofDays(3)));
            assertThat(result.breaches()).isEqualTo(1);
            assertThat(result.escalations()).isEqualTo(1);
            assertThat(sla.check(Instant.now().plus(Duration.ofDays(3))).breaches()).isZero();
            mvc.perform(get("/api/v1/sla/breaches"))
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].customerId").value(1))
                    .andExpect(jsonPath("$[0].ownerName").value("李娜"));
            mvc.perform(get("/api/v1/tasks").param("owner", "3"))
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].kind").value("escalation"));
            mvc.perform(get("/api/v1/sla/compliance"))
                    .andExpect(jsonPath("$[0].customers").value(2))
                    .andExpect(jsonPath("$[0].inBreach").value(1))
                    .andExpect(jsonPath("$[0].compliancePercent").value(50.0));

            long task = jdbc.queryForObject("SELECT id FROM playbook_tasks", Long.class);
            mvc.perform(post("/api/v1/tasks/" + task + "/complete").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"outcome\": \"已电话联系，约下周拜访\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("done"));
            assertThat(sla.check(Instant.now().plus(Duration.ofDays(3))).resolved()).isEqualTo(1);
        }

        @Test
        void anOverdueTaskIsEscalatedOnceToTheManagerOfTheOwnersTeam() throws Exception {
            jdbc.update("UPDATE customers SET owner_id = 2 WHERE id = 3");
            fixture.createPlaybook("""
                    {"nameZh": "首访", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "task", "settings": {"title": "首次拜访", "dueInHours": 48}}]}
                    """);
            fixture.orders(3, 1, 5_000, Duration.ofDays(1));
            fixture.run();
            await().atMost(WAIT).until(() -> deliveries("delivered") == 1);

            assertThat(sla.check(Instant.now().plus(Duration.ofDays(1))).escalations()).isZero();
            assertThat(sla.check(Instant.now().plus(Duration.ofDays(3))).escalations()).isEqualTo(1);
            assertThat(sla.check(Instant.now().plus(Duration.ofDays(4))).escalations()).isZero();
            assertThat(jdbc.queryForObject("SELECT title FROM playbook_tasks WHERE owner_id = 3", String.class))
                    .isEqualTo("任务逾期 / Task overdue: 首次拜访");
        }

        @Test
        void aPlaybookRequestWithMistakesIsAnsweredWithThePointerOfTheField() throws Exception {
            mvc.perform(post("/api/v1/playbooks").contentType(MediaType.APPLICATION_JSON).content("""
                    {"nameZh": "x", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "gold"},
                     "actions": [{"kind": "task", "settings": {"title": "t"}}]}
                    """)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.pointer").value("/trigger/tier"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("[vip, other]")));
            mvc.perform(post("/api/v1/playbooks").contentType(MediaType.APPLICATION_JSON).content("""
                    {"nameZh": "x", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "filter": "monetary_365d >= ",
                     "actions": [{"kind": "webhook", "settings": {"url": "ftp://x"}}]}
                    """)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.pointer").value("/filter"));
            mvc.perform(post("/api/v1/playbooks").contentType(MediaType.APPLICATION_JSON).content("""
                    {"nameZh": "x", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "task", "settings": {"title": "t"}},
                                 {"kind": "webhook", "settings": {"url": "ftp://x", "secret": "s"}}]}
                    """)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.pointer").value("/actions/1/settings/url"));
        }

        @Test
        void aFilterKeepsOnlyMatchingEntrantsOutOfTheActions() throws Exception {
            jdbc.update("UPDATE customers SET region = '华东' WHERE id IN (1, 2)");
            fixture.createPlaybook("""
                    {"nameZh": "华东首访", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "filter": "region = '华东'",
                     "actions": [{"kind": "task", "settings": {"title": "首次拜访"}}]}
                    """);
            fixture.orders(1, 4, 5_000, Duration.ofDays(1));
            fixture.run();

            assertThat(fixture.count("SELECT COUNT(*) FROM playbook_entries WHERE filtered = TRUE")).isEqualTo(2);
            await().atMost(WAIT).until(() -> fixture.count("SELECT COUNT(*) FROM playbook_tasks") == 2);
            assertThat(jdbc.queryForList("SELECT customer_id FROM playbook_tasks ORDER BY customer_id", Long.class))
                    .containsExactly(1L, 2L);
        }

        @Test
        void secretsAreShownMaskedAndAMaskSentBackKeepsTheStoredSecret() throws Exception {
            String body = """
                    {"nameZh": "通知", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "webhook", "settings": {"url": "http://127.0.0.1:9/h", "secret": "%s"}}]}
                    """;
            long id = fixture.createPlaybook(body.formatted("real-secret"));
            mvc.perform(get("/api/v1/playbooks/" + id))
                    .andExpect(jsonPath("$.actions[0].settings.secret").value("******"))
                    .andExpect(jsonPath("$.trigger.labelZh").value("进入层级"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/playbooks/"
                    + id).contentType(MediaType.APPLICATION_JSON).content(body.formatted("******")))
                    .andExpect(status().isOk());
            assertThat(jdbc.queryForObject("SELECT config FROM playbook_actions WHERE playbook_id = ? "
                    + "AND retired = FALSE", String.class, id)).contains("real-secret");
        }

        private static Map<String, String> query(String query) {
            Map<String, String> values = new java.util.HashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv[1]);
            }
            return values;
        }

        private static String base64Hmac(String key, String message) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
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
