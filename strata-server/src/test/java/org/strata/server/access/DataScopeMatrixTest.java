package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import net.minidev.json.JSONValue;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.tiering.CustomerDataChanged;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;
import static org.strata.server.access.AccessFixture.C5;
import static org.strata.server.access.AccessFixture.USERS;
import static org.strata.server.access.AccessFixture.VISIBLE;

/**
 * Every customer-reading endpoint × every role and scope of {@link AccessFixture}: each person sees exactly their
 * customers, in rows, counts, search, the 360° page, exports, previews, dry runs, memberships, as-of queries, run
 * changes, merges and the quality report; anything else answers 404 (never 403, which would confirm the id).
 */
class DataScopeMatrixTest {

    private static final List<Long> ALL = List.of(C1, C2, C3, C4);

    abstract static class Contract extends CompanyContract {
        @Autowired
        ApplicationEventPublisher events;

        SoftAssertions softly;

        @BeforeEach
        void dropCachedFeatures() {
            events.publishEvent(new CustomerDataChanged(Set.of(C1, C2, C3, C4, C5)));
            softly = new SoftAssertions();
        }

        /**
         * Publishes and runs the ABC scheme; the run that placed the customers, which is not always that manual run: a
         * live update set off by dropCachedFeatures may beat it.
         */
        long publishAbcAndFindThePlacingRun() throws Exception {
            publishAndRunAbc();
            return jdbc.queryForObject("SELECT run_id FROM tiering_ledger WHERE event = 'entered' AND run_id "
                    + "IS NOT NULL ORDER BY id FETCH FIRST 1 ROWS ONLY", Long.class);
        }

        @Test
        @Covers({"GET /api/v1/customers"})
        void theCustomerListAndItsTotalShowExactlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                MvcResult list = call(username, get("/api/v1/customers").param("includeTotal", "true"));
                softly.assertThat(ids(list, "$.items[*].id")).as("%s list", username).isEqualTo(VISIBLE.get(username));
                softly.assertThat(number(list, "$.total")).as("%s total", username)
                        .isEqualTo(VISIBLE.get(username).size());
            }
            softly.assertAll();
        }

        @Test
        void searchAndFiltersNeverReachOutsideTheScope() throws Exception {
            for (String username : USERS) {
                for (String q : List.of("张伟", "李娜", "王芳", "刘洋", "+8613900001111", "13700002222",
                        "zhang.wei@example.com")) {
                    Set<Long> found = ids(call(username, get("/api/v1/customers").param("q", q)), "$.items[*].id");
                    softly.assertThat(VISIBLE.get(username)).as("%s searching %s found %s", username, q, found)
                            .containsAll(found);
                }
                Set<Long> byTeam = ids(call(username, get("/api/v1/customers").param("team",
                        String.valueOf(AccessFixture.NORTH))), "$.items[*].id");
                softly.assertThat(VISIBLE.get(username)).as("%s filtering team 华北", username).containsAll(byTeam);
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/customers/{id}", "GET /api/v1/customers/{id}/timeline"})
        void the360PageAndTimelineAnswer404OutsideTheScopeExactlyAsForAnUnknownId() throws Exception {
            for (String username : USERS) {
                for (long id : ALL) {
                    int expected = VISIBLE.get(username).contains(id) ? 200 : 404;
                    softly.assertThat(call(username, get("/api/v1/customers/" + id)).getResponse().getStatus())
                            .as("%s GET customer %d", username, id).isEqualTo(expected);
                    softly.assertThat(call(username, get("/api/v1/customers/" + id + "/timeline"))
                            .getResponse().getStatus()).as("%s GET timeline %d", username, id).isEqualTo(expected);
                }
                // the absorbed C5 names its survivor C1 only to those who may see C1
                int absorbed = call(username, get("/api/v1/customers/" + C5)).getResponse().getStatus();
                softly.assertThat(absorbed).as("%s GET absorbed customer", username).isEqualTo(404);
                String body = call(username, get("/api/v1/customers/" + C5)).getResponse().getContentAsString();
                softly.assertThat(body.contains("survivorId")).as("%s learns the survivor", username)
                        .isEqualTo(VISIBLE.get(username).contains(C1));
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/customers/export"})
        void exportsHoldTheScopedRowsOnlyAndNeedTheExportPermission() throws Exception {
            assertEachExportHoldsTheCallersRowsOnly(softly, "/api/v1/customers/export", CompanyContract::exportedIds,
                    "export");
            softly.assertAll();
        }

        @Test
        @Covers({"POST /api/v1/tiering/preview/rule"})
        void rulePreviewsCountAndSampleOnlyTheScope() throws Exception {
            for (String username : USERS) {
                MvcResult preview = call(username, post("/api/v1/tiering/preview/rule")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": \"monetary >= 0\", \"asOf\": \"2026-06-01\", \"sampleSize\": 50}"));
                softly.assertThat(number(preview, "$.matching")).as("%s preview count", username)
                        .isEqualTo(VISIBLE.get(username).size());
                softly.assertThat(number(preview, "$.total")).as("%s preview total", username)
                        .isEqualTo(VISIBLE.get(username).size());
                softly.assertThat(ids(preview, "$.sample[*].customerId")).as("%s preview sample", username)
                        .isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/tiering/schemes/{key}/memberships", "GET /api/v1/tiering/schemes/{key}/tiers/{tier}/members", "GET /api/v1/tiering/runs/{id}/changes", "POST /api/v1/tiering/schemes/{key}/dry-run", "GET /api/v1/tiering/schemes/{key}/customers/{customerId}"})
        void runResultsMembershipsAsOfAndDryRunsShowOnlyTheScope() throws Exception {
            long runId = publishAbcAndFindThePlacingRun();
            String scheme = "/api/v1/tiering/schemes/value";
            for (String username : USERS) {
                Set<Long> visible = VISIBLE.get(username);
                MvcResult members = call(username, get(scheme + "/memberships").param("size", "100"));
                softly.assertThat(ids(members, "$.page.items[*].customerId")).as("%s memberships", username)
                        .isEqualTo(visible);
                Map<String, Number> counts = JsonPath.read(members.getResponse().getContentAsString(), "$.counts");
                softly.assertThat(counts.values().stream().mapToLong(Number::longValue).sum())
                        .as("%s membership counts", username).isEqualTo(visible.size());
                softly.assertThat(number(members, "$.page.total")).as("%s membership total", username)
                        .isEqualTo(visible.size());

                Set<Long> asOf = new HashSet<>();
                for (String tier : List.of("a", "b", "c")) {
                    MvcResult on = call(username, get(scheme + "/tiers/" + tier + "/members")
                            .param("date", "2099-01-01"));
                    asOf.addAll(ids(on, "$.customers.items[*]"));
                }
                softly.assertThat(asOf).as("%s as-of members", username).isEqualTo(visible);

                MvcResult changes = call(username, get("/api/v1/tiering/runs/" + runId + "/changes"));
                softly.assertThat(ids(changes, "$[*].customerId")).as("%s run changes", username).isEqualTo(visible);

                MvcResult dryRun = call(username, post(scheme + "/dry-run").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2026-06-01\"}"));
                softly.assertThat(number(dryRun, "$.total")).as("%s dry-run total", username)
                        .isEqualTo(visible.size());
                List<Number> cells = JsonPath.read(dryRun.getResponse().getContentAsString(), "$.matrix[*].customers");
                softly.assertThat(cells.stream().mapToLong(Number::longValue).sum()).as("%s dry-run matrix", username)
                        .isEqualTo(visible.size());

                for (long id : ALL) {
                    softly.assertThat(call(username, get(scheme + "/customers/" + id)).getResponse().getStatus())
                            .as("%s tier history of %d", username, id).isEqualTo(visible.contains(id) ? 200 : 404);
                }
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/tiering/schemes/{key}/runs", "GET /api/v1/tiering/runs/{id}",
                "POST /api/v1/tiering/schemes/{key}/runs"})
        void runCountsCountOnlyTheCallersCustomers() throws Exception {
            long runId = publishAbcAndFindThePlacingRun();
            String scheme = "/api/v1/tiering/schemes/value";
            for (String username : USERS) {
                int visible = VISIBLE.get(username).size();
                MvcResult run = call(username, get("/api/v1/tiering/runs/" + runId));
                softly.assertThat(number(run, "$.customersEvaluated")).as("%s run evaluated", username)
                        .isEqualTo(visible);
                softly.assertThat(number(run, "$.entered")).as("%s run entered", username).isEqualTo(visible);
                softly.assertThat(number(run, "$.moved")).as("%s run moved", username).isZero();
                MvcResult history = call(username, get(scheme + "/runs"));
                softly.assertThat(sum(history, "$[?(@.id == " + runId + ")].entered"))
                        .as("%s run history entered", username).isEqualTo(visible);
                softly.assertThat(sum(history, "$[*].entered")).as("%s entered over all runs", username)
                        .isEqualTo(visible);
            }
            // a narrowed person's own run: nothing to change, their one customer evaluated, the hidden counts withheld
            MvcResult again = call("manager.sh", post(scheme + "/runs").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\": \"2026-06-01\"}"));
            expectStatus(again, 201);
            softly.assertThat(number(again, "$.customersEvaluated")).as("manager.sh's run evaluated")
                    .isEqualTo(VISIBLE.get("manager.sh").size());
            softly.assertThat(number(again, "$.entered") + number(again, "$.moved")).isZero();
            softly.assertThat((Object) JsonPath.read(body(again), "$.heldByPins")).as("held by pins").isNull();
            MvcResult seenByAdmin = call("admin", get("/api/v1/tiering/runs/" + number(again, "$.id")));
            softly.assertThat(number(seenByAdmin, "$.customersEvaluated")).as("the stored total, for the admin")
                    .isEqualTo(ALL.size());
            softly.assertAll();
        }

        @Test
        @Covers({"POST /api/v1/tiering/schemes/{key}/pins", "GET /api/v1/tiering/schemes/{key}/pins"})
        void writesToCustomersOutsideTheScopeAnswer404AndWritesWithoutPermission403() throws Exception {
            publishAndRunAbc();
            String scheme = "/api/v1/tiering/schemes/value";
            for (String username : USERS) {
                SignedInUser who = users.find(username).orElseThrow();
                for (long id : ALL) {
                    int status = call(username, post(scheme + "/pins").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"customerId\": " + id + ", \"tier\": \"a\", \"reason\": \"矩阵测试\"}"))
                            .getResponse().getStatus();
                    int expected = !who.can(Permission.PIN) ? 403 : VISIBLE.get(username).contains(id) ? 201 : 404;
                    softly.assertThat(status).as("%s pins customer %d", username, id).isEqualTo(expected);
                }
                Set<Long> pinned = ids(call(username, get(scheme + "/pins")), "$[*].customerId");
                softly.assertThat(VISIBLE.get(username)).as("%s sees pins of %s", username, pinned).containsAll(pinned);
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/merges/{id}", "GET /api/v1/quality"})
        void mergesAndTheQualityReportCountOnlyTheScope() throws Exception {
            for (String username : USERS) {
                int merge = call(username, get("/api/v1/merges/" + AccessFixture.MERGE_C5_INTO_C1)).getResponse()
                        .getStatus();
                // C5 has C1's owner and team, so whoever sees C1 sees both sides of the merge
                boolean seesBoth = VISIBLE.get(username).contains(C1);
                softly.assertThat(merge).as("%s GET merge", username).isEqualTo(seesBoth ? 200 : 404);
                MvcResult quality = call(username, get("/api/v1/quality"));
                softly.assertThat(number(quality, "$.totals.customers")).as("%s quality customers", username)
                        .isEqualTo(VISIBLE.get(username).size());
                softly.assertThat(number(quality, "$.totals.orders")).as("%s quality orders", username)
                        .isEqualTo(VISIBLE.get(username).size() + (VISIBLE.get(username).contains(C1) ? 1 : 0));
            }
            softly.assertAll();
        }

        @Test
        @Covers("POST /api/v1/tiering/preview/scheme")
        void aDryRunOfAnUnsavedSchemeCountsOnlyTheScope() throws Exception {
            publishAndRunAbc();
            Object draft = JsonPath.read(body(call("admin", get("/api/v1/tiering/schemes/value"))), "$.draft");
            String request = "{\"scheme\": " + JSONValue.toJSONString(draft) + ", \"asOf\": \"2026-06-01\"}";
            for (String username : USERS) {
                MvcResult preview = call(username, post("/api/v1/tiering/preview/scheme")
                        .contentType(MediaType.APPLICATION_JSON).content(request));
                softly.assertThat(number(preview, "$.total")).as("%s unsaved dry-run total", username)
                        .isEqualTo(VISIBLE.get(username).size());
                softly.assertThat(sum(preview, "$.matrix[*].customers")).as("%s unsaved dry-run matrix", username)
                        .isEqualTo(VISIBLE.get(username).size());
            }
            softly.assertAll();
        }

        @Test
        @Covers({"PUT /api/v1/tiering/schemes/{key}/customers/{customerId}/tags/{tag}",
                "DELETE /api/v1/tiering/schemes/{key}/customers/{customerId}/tags/{tag}",
                "DELETE /api/v1/tiering/schemes/{key}/pins/{pinId}"})
        void tagsAndUnpinningReachOnlyCustomersInTheScope() throws Exception {
            String scheme = "/api/v1/tiering/schemes/served";
            expectStatus(call("admin", post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                    .content("""
                            key: served
                            name: {zh: 服务, en: Service}
                            tiers:
                              - {key: a, name: {zh: A, en: A}, rule: monetary >= 0}
                            default: {key: d, name: {zh: 其他, en: Others}}
                            tags:
                              - {key: vip, name: {zh: 贵宾, en: VIP}}
                            """)), 200);
            expectStatus(call("admin", post(scheme + "/publish")), 200);
            expectStatus(call("admin", post(scheme + "/runs")), 201);
            Map<Long, Long> pinOf = new HashMap<>();
            for (long id : ALL) {
                MvcResult pin = call("admin", post(scheme + "/pins").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": " + id + ", \"tier\": \"a\", \"reason\": \"矩阵\"}"));
                expectStatus(pin, 201);
                pinOf.put(id, number(pin, "$.id"));
            }
            for (String username : USERS) {
                boolean may = users.find(username).orElseThrow().can(Permission.PIN);
                for (long id : ALL) {
                    boolean mine = VISIBLE.get(username).contains(id);
                    String tag = scheme + "/customers/" + id + "/tags/vip";
                    softly.assertThat(call(username, put(tag)).getResponse().getStatus())
                            .as("%s tags customer %d", username, id).isEqualTo(!may ? 403 : mine ? 204 : 404);
                    softly.assertThat(call(username, delete(tag)).getResponse().getStatus())
                            .as("%s untags customer %d", username, id).isEqualTo(!may ? 403 : mine ? 204 : 404);
                    if (!mine || !may) {
                        softly.assertThat(call(username, delete(scheme + "/pins/" + pinOf.get(id))).getResponse()
                                .getStatus()).as("%s unpins customer %d", username, id).isEqualTo(may ? 404 : 403);
                    }
                }
            }
            softly.assertThat(ids(call("admin", get(scheme + "/pins")), "$[*].customerId"))
                    .as("no pin was ended from outside its customer's scope").isEqualTo(Set.copyOf(ALL));
            softly.assertThat(call("rep1", delete(scheme + "/pins/" + pinOf.get(C4))).getResponse().getStatus())
                    .as("rep1 ends the pin of a customer of theirs").isEqualTo(200);
            softly.assertAll();
        }

        @Test
        @Covers("POST /api/v1/merges/{id}/undo")
        void onlyThoseWhoSeeBothCustomersMayUndoAMerge() throws Exception {
            for (String username : USERS) {
                reloadCompany();
                boolean may = users.find(username).orElseThrow().can(Permission.MERGE);
                int status = call(username, post("/api/v1/merges/" + AccessFixture.MERGE_C5_INTO_C1 + "/undo"))
                        .getResponse().getStatus();
                softly.assertThat(status).as("%s undoes the merge", username)
                        .isEqualTo(!may ? 403 : VISIBLE.get(username).contains(C1) ? 200 : 404);
                Long survivor = jdbc.queryForObject("SELECT merged_into FROM customers WHERE id = ?", Long.class, C5);
                softly.assertThat(survivor).as("%s: C5 still merged", username)
                        .isEqualTo(status == 200 ? null : (Long) C1);
            }
            softly.assertAll();
        }

        @Test
        @Covers("POST /api/v1/customers/{id}/erasure")
        void anAdministratorWithANarrowedScopeCannotEraseCustomersOutsideIt() throws Exception {
            jdbc.update("UPDATE users SET data_scope = 'mine' WHERE username = 'admin'");
            jdbc.update("UPDATE customers SET owner_id = 801 WHERE id = ?", C2);
            for (long id : ALL) {
                int status = call("admin", post("/api/v1/customers/" + id + "/erasure")).getResponse().getStatus();
                softly.assertThat(status).as("narrowed admin erases customer %d", id).isEqualTo(id == C2 ? 200 : 404);
            }
            softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE name = '王芳'", Integer.class))
                    .as("the customer outside the scope keeps its data").isEqualTo(1);
            for (String username : USERS) {
                if (!username.equals("admin")) {
                    softly.assertThat(call(username, post("/api/v1/customers/" + C1 + "/erasure")).getResponse()
                            .getStatus()).as("%s erases", username).isEqualTo(403);
                }
            }
            softly.assertAll();
        }

        @Test
        void pinReasonsQuoteNoContactDataToRolesWithoutThePermission() throws Exception {
            String scheme = "/api/v1/tiering/schemes/value";
            publishAndRunAbc();
            expectStatus(call("admin", post(scheme + "/pins").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"customerId\": " + C1 + ", \"tier\": \"a\", "
                            + "\"reason\": \"客户来电 13812341234，回邮 zhang.wei@example.com\"}")), 201);
            for (String username : List.of("admin", "rep1", "manager.sh", "analyst")) {
                String texts = body(call(username, get(scheme + "/pins"))) + body(call(username,
                        get(scheme + "/customers/" + C1))) + body(call(username, get("/customers/" + C1)));
                boolean sees = users.find(username).orElseThrow().can(Permission.SEE_PERSONAL_DATA);
                softly.assertThat(texts.contains("13812341234")).as("%s sees the phone in the reason", username)
                        .isEqualTo(sees);
                softly.assertThat(texts.contains("zhang.wei@example.com")).as("%s sees the e-mail", username)
                        .isEqualTo(sees);
                softly.assertThat(texts.contains("138****1234")).as("%s sees the masked phone", username)
                        .isEqualTo(!sees);
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
