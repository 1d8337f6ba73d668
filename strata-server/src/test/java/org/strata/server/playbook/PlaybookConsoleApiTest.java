package org.strata.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.SignedInUser;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

/**
 * What the console's playbook, task and SLA pages need from the API beyond creating things: deleting a playbook,
 * editing and re-enabling an SLA policy, tasks due by a day, who completed a task, and masked customer names.
 */
class PlaybookConsoleApiTest {

    abstract static class Contract extends PlaybookContract {

        PlaybookFixture fixture;

        @BeforeEach
        void reset() throws Exception {
            fixture = newFixture();
            fixture.reset();
            fixture.customers(1, 10);
            fixture.orders(1, 5, 5_000, Duration.ofDays(3));
            fixture.publishScheme();
        }

        long taskOnVip() throws Exception {
            return fixture.createPlaybook("""
                    {"nameZh": "首次拜访", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "task", "settings": {"title": "首次拜访"}}]}""");
        }

        int entries(long playbook) {
            return fixture.count("SELECT COUNT(*) FROM playbook_entries WHERE playbook_id = ?", playbook);
        }

        @Test
        void aDeletedPlaybookIsGoneFromTheApiStopsFiringAndKeepsWhatItRecorded() throws Exception {
            long playbook = taskOnVip();
            fixture.run();
            assertThat(entries(playbook)).isEqualTo(5);

            mvc.perform(delete("/api/v1/playbooks/" + playbook)).andExpect(status().isNoContent());

            mvc.perform(get("/api/v1/playbooks/" + playbook)).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/playbooks/" + playbook + "/enable")).andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/playbooks/" + playbook)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/playbooks")).andExpect(jsonPath("$.length()").value(0));
            fixture.orders(6, 5, 5_000, Duration.ofDays(2));
            fixture.run();
            assertThat(entries(playbook)).as("no new entries after deletion, the old ones kept").isEqualTo(5);
        }

        @Test
        void anSlaPolicyCanBeEditedCheckedAndSwitchedBackOn() throws Exception {
            String created = mvc.perform(post("/api/v1/sla/policies").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scheme\": \"pb_test\", \"tier\": \"vip\", \"kind\": \"first_contact\", "
                                    + "\"hours\": 48}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

            mvc.perform(put("/api/v1/sla/policies/" + id).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scheme\": \"pb_test\", \"tier\": \"other\", \"kind\": \"contact_interval\", "
                                    + "\"hours\": 720, \"contactTypes\": [\"visit\"], \"nameZh\": \"每月联系\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.tier").value("other")).andExpect(jsonPath("$.kind").value("contact_interval"))
                    .andExpect(jsonPath("$.hours").value(720)).andExpect(jsonPath("$.nameZh").value("每月联系"))
                    .andExpect(jsonPath("$.nameEn").value("Longest time between contacts 30 days"));
            mvc.perform(put("/api/v1/sla/policies/" + id).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scheme\": \"pb_test\", \"tier\": \"gold\", \"kind\": \"first_contact\", "
                                    + "\"hours\": 1}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.pointer").value("/tier"));
            mvc.perform(put("/api/v1/sla/policies/987654").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scheme\": \"pb_test\", \"tier\": \"vip\", \"kind\": \"first_contact\", "
                                    + "\"hours\": 1}"))
                    .andExpect(status().isNotFound());

            mvc.perform(post("/api/v1/sla/policies/" + id + "/disable")).andExpect(jsonPath("$.enabled").value(false));
            mvc.perform(post("/api/v1/sla/policies/" + id + "/enable")).andExpect(jsonPath("$.enabled").value(true));
        }

        @Test
        void tasksDueByADayAreThoseDueBeforeItsEndAndCompletingRecordsTheSignedInPerson() throws Exception {
            Instant now = Instant.now();
            task(1, now.minus(Duration.ofDays(1)));
            task(2, now.plus(Duration.ofDays(3)));
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

            mvc.perform(get("/api/v1/tasks").param("dueBy", today))
                    .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].customerId").value(1));
            long id = fixture.count("SELECT id FROM playbook_tasks WHERE customer_id = 1");
            mvc.perform(post("/api/v1/tasks/" + id + "/complete").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"outcome\": \"已电话联系\"}"))
                    .andExpect(jsonPath("$.state").value("done")).andExpect(jsonPath("$.doneBy").value("tester"));
        }

        @Test
        void aPersonsNameInATaskIsMaskedForSomeoneWithoutThePersonalDataPermission() throws Exception {
            jdbc.update("UPDATE customers SET name = '张伟', type = 'person' WHERE id = 1");
            task(1, Instant.now());
            SignedInUser analyst = new SignedInUser(99, "analyst", "analyst", Role.ANALYST, DataScope.ALL, null,
                    "{noop}unused", true, null);
            mvc.perform(get("/api/v1/tasks").with(user(analyst)))
                    .andExpect(jsonPath("$[0].customerName").value("张*"));
            mvc.perform(get("/api/v1/tasks")).andExpect(jsonPath("$[0].customerName").value("张伟"));
        }

        void task(long customer, Instant due) {
            jdbc.update("INSERT INTO playbook_tasks (customer_id, kind, title, priority, due_at, status, created_at) "
                    + "VALUES (?, 'task', 'visit', 'normal', ?, 'open', ?)", customer, Timestamp.from(due),
                    Timestamp.from(Instant.now()));
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
