package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;
import static org.strata.server.access.AccessFixture.TRACES;
import static org.strata.server.access.AccessFixture.USERS;
import static org.strata.server.access.AccessFixture.VISIBLE;

/**
 * The company of {@link AccessFixture} with what playbooks left for each customer ({@link PlaybookRows}): tasks,
 * SLA breaches and compliance, experiments, churn warnings and deliveries show each person exactly their customers,
 * in rows and in counts; ids of anyone else's task or delivery answer 404 and change nothing.
 */
class PlaybookScopeMatrixTest {

    private static final List<Long> ALL = List.of(C1, C2, C3, C4);

    abstract static class Contract extends CompanyContract {

        SoftAssertions softly;
        long schemeId;

        @BeforeEach
        void playbooksHaveRun() throws Exception {
            softly = new SoftAssertions();
            publishAndRunAbc();
            schemeId = jdbc.queryForObject("SELECT id FROM tiering_schemes WHERE scheme_key = 'value'", Long.class);
            new PlaybookRows(jdbc).load(schemeId);
        }

        @Test
        @Covers({"GET /api/v1/tasks", "GET /api/v1/tasks/{id}"})
        void taskListsAndTasksShowOnlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                softly.assertThat(ids(call(username, get("/api/v1/tasks")), "$[*].customerId"))
                        .as("%s tasks", username).isEqualTo(VISIBLE.get(username));
                for (long id : ALL) {
                    softly.assertThat(call(username, get("/api/v1/tasks/" + PlaybookRows.taskOf(id))).getResponse()
                                    .getStatus()).as("%s task of customer %d", username, id)
                            .isEqualTo(VISIBLE.get(username).contains(id) ? 200 : 404);
                }
            }
            softly.assertAll();
        }

        @Test
        @Covers({"POST /api/v1/tasks/{id}/complete", "POST /api/v1/tasks/{id}/cancel"})
        void tasksOfCustomersOutsideTheScopeCannotBeCompletedOrCancelled() throws Exception {
            for (String username : USERS) {
                boolean may = users.find(username).orElseThrow().can(Permission.WORK_TASKS);
                for (long id : ALL) {
                    if (VISIBLE.get(username).contains(id) && may) {
                        continue;
                    }
                    long task = PlaybookRows.taskOf(id);
                    int expected = may ? 404 : 403;
                    softly.assertThat(call(username, post("/api/v1/tasks/" + task + "/complete")
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"打过电话\"}"))
                            .getResponse().getStatus()).as("%s completes task of %d", username, id).isEqualTo(expected);
                    softly.assertThat(call(username, post("/api/v1/tasks/" + task + "/cancel")).getResponse()
                            .getStatus()).as("%s cancels task of %d", username, id).isEqualTo(expected);
                }
            }
            softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM playbook_tasks WHERE status = 'open'",
                    Integer.class)).as("tasks still open").isEqualTo(4);
            softly.assertThat(call("rep1", post("/api/v1/tasks/" + PlaybookRows.taskOf(C1) + "/complete")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"打过电话\"}"))
                    .getResponse().getStatus()).as("rep1 completes a task of theirs").isEqualTo(200);
            softly.assertThat(call("rep1", post("/api/v1/tasks/" + PlaybookRows.taskOf(C4) + "/cancel"))
                    .getResponse().getStatus()).as("rep1 cancels a task of theirs").isEqualTo(200);
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/sla/breaches", "GET /api/v1/sla/compliance"})
        void slaBreachesAndComplianceCountOnlyTheCallersCustomers() throws Exception {
            int policies = jdbc.queryForObject("SELECT COUNT(*) FROM sla_policies", Integer.class);
            for (String username : USERS) {
                int visible = VISIBLE.get(username).size();
                MvcResult breaches = call(username, get("/api/v1/sla/breaches").param("size", "100"));
                softly.assertThat(ids(breaches, "$[*].customerId")).as("%s breaches", username)
                        .isEqualTo(VISIBLE.get(username));
                softly.assertThat(((List<?>) JsonPath.read(body(breaches), "$")).size())
                        .as("%s breach count", username).isEqualTo(visible * policies);
                MvcResult compliance = call(username, get("/api/v1/sla/compliance"));
                // each customer is counted twice: in their policy's total row and in their owner's row
                softly.assertThat(sum(compliance, "$[*].customers")).as("%s customers under a policy", username)
                        .isEqualTo(2L * visible);
                softly.assertThat(sum(compliance, "$[*].inBreach")).as("%s customers in breach", username)
                        .isEqualTo(2L * visible);
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/experiments/playbooks/{id}", "GET /api/v1/experiments/schemes"})
        void experimentsCountOnlyTheCallersCustomers() throws Exception {
            jdbc.update("UPDATE tiering_memberships SET since = ?", java.sql.Timestamp.valueOf("2026-01-01 00:00:00"));
            List<String> tiers = jdbc.queryForList("SELECT DISTINCT tier_key FROM tiering_memberships", String.class);
            for (String username : USERS) {
                MvcResult playbook = call(username, get("/api/v1/experiments/playbooks/" + PlaybookRows.PLAYBOOK));
                softly.assertThat(number(playbook, "$.treated.entrants") + number(playbook, "$.control.entrants"))
                        .as("%s playbook entrants", username).isEqualTo(VISIBLE.get(username).size());
                softly.assertThat(number(playbook, "$.control.entrants")).as("%s held out", username)
                        .isEqualTo(VISIBLE.get(username).stream().filter(id -> id == C2 || id == C4).count());
                long members = 0;
                for (String tier : tiers) {
                    MvcResult schemes = call(username, get("/api/v1/experiments/schemes")
                            .param("a", "value:" + tier).param("b", "value:" + tier));
                    members += number(schemes, "$.treated.entrants");
                }
                softly.assertThat(members).as("%s tier members compared", username)
                        .isEqualTo(VISIBLE.get(username).size());
            }
            softly.assertAll();
        }

        @Test
        @Covers("GET /api/v1/warnings")
        void churnWarningsListOnlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                softly.assertThat(ids(call(username, get("/api/v1/warnings")), "$[*].customerId"))
                        .as("%s warnings", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/deliveries", "GET /api/v1/deliveries/dead-letters", "GET /api/v1/deliveries/{id}",
                "POST /api/v1/deliveries/{id}/replay", "POST /api/v1/deliveries/dead-letters/replay"})
        void deliveriesAndTheirReplaysReachOnlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                boolean may = users.find(username).orElseThrow().can(Permission.MANAGE_PLAYBOOKS);
                MvcResult list = call(username, get("/api/v1/deliveries"));
                if (!may) {
                    softly.assertThat(list.getResponse().getStatus()).as("%s deliveries", username).isEqualTo(403);
                    continue;
                }
                softly.assertThat(ids(list, "$[*].customerId")).as("%s deliveries", username)
                        .isEqualTo(VISIBLE.get(username));
                softly.assertThat(ids(call(username, get("/api/v1/deliveries/dead-letters")), "$[*].customerId"))
                        .as("%s dead letters", username).isEqualTo(VISIBLE.get(username));
                for (long id : ALL) {
                    boolean mine = VISIBLE.get(username).contains(id);
                    String delivery = "/api/v1/deliveries/" + PlaybookRows.deliveryOf(id);
                    softly.assertThat(call(username, get(delivery)).getResponse().getStatus())
                            .as("%s delivery of %d", username, id).isEqualTo(mine ? 200 : 404);
                    if (!mine) {
                        softly.assertThat(call(username, post(delivery + "/replay")).getResponse().getStatus())
                                .as("%s replays delivery of %d", username, id).isEqualTo(404);
                    }
                }
            }
            softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'dead'",
                    Integer.class)).as("nothing was replayed from outside the scope").isEqualTo(4);
            // replaying "every" dead letter replays those of one's own customers (the worker may take them from there)
            softly.assertThat(number(call("manager.sh", post("/api/v1/deliveries/dead-letters/replay")), "$.replayed"))
                    .as("manager.sh replays all dead letters").isEqualTo(1);
            softly.assertThat(jdbc.queryForList("SELECT customer_id FROM playbook_deliveries WHERE status = 'dead' "
                    + "ORDER BY customer_id", Long.class)).as("dead letters left").containsExactly(C2, C3, C4);
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/playbooks", "GET /api/v1/playbooks/vocabulary", "GET /api/v1/playbooks/{id}",
                "GET /api/v1/sla/policies", "GET /api/v1/warnings/signals"})
        void playbookPoliciesAndVocabulariesCarryNoCustomerAtAll() throws Exception {
            for (String username : USERS) {
                for (String path : List.of("/api/v1/playbooks", "/api/v1/playbooks/vocabulary",
                        "/api/v1/playbooks/" + PlaybookRows.PLAYBOOK, "/api/v1/sla/policies",
                        "/api/v1/warnings/signals")) {
                    MvcResult result = call(username, get(path));
                    softly.assertThat(result.getResponse().getStatus()).as("%s %s", username, path).isEqualTo(200);
                    softly.assertThat(foreignTraces(username, body(result))).as("%s %s", username, path).isEmpty();
                }
            }
            softly.assertAll();
        }

        @Test
        void tasksWarningsAndBreachesQuoteNoPersonalDataToRolesWithoutThePermission() throws Exception {
            for (String username : List.of("rep1", "manager.sh", "analyst", "viewer.bj")) {
                long first = VISIBLE.get(username).iterator().next();
                StringBuilder texts = new StringBuilder();
                for (String path : List.of("/api/v1/tasks", "/api/v1/tasks/" + PlaybookRows.taskOf(first),
                        "/api/v1/warnings", "/api/v1/customers/" + first + "/warnings", "/api/v1/sla/breaches")) {
                    texts.append(body(call(username, get(path))));
                }
                List<String> shown = TRACES.values().stream().flatMap(List::stream)
                        .filter(texts.toString()::contains).toList();
                if (users.find(username).orElseThrow().can(Permission.SEE_PERSONAL_DATA)) {
                    softly.assertThat(shown).as("%s sees the personal data of their customers", username)
                            .containsExactlyInAnyOrderElementsOf(VISIBLE.get(username).stream()
                                    .flatMap(id -> TRACES.get(id).stream()).toList());
                } else {
                    softly.assertThat(shown).as("%s sees personal data in free text", username).isEmpty();
                }
            }
            softly.assertAll();
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
