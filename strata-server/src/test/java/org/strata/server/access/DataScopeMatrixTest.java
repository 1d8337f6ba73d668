package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.tiering.CustomerDataChanged;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

        static Set<Long> ids(MvcResult result, String path) throws Exception {
            List<Number> ids = JsonPath.read(result.getResponse().getContentAsString(), path);
            return ids.stream().map(Number::longValue).collect(Collectors.toCollection(TreeSet::new));
        }

        static long number(MvcResult result, String path) throws Exception {
            return ((Number) JsonPath.read(result.getResponse().getContentAsString(), path)).longValue();
        }

        /** @return the id of the run */
        long publishAndRunAbc() throws Exception {
            String scheme = "/api/v1/tiering/schemes/value";
            ok(call("admin", post("/api/v1/tiering/presets/abc/instantiate").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"key\": \"value\"}")), 201);
            ok(call("admin", post(scheme + "/publish")), 200);
            MvcResult run = call("admin", post(scheme + "/runs").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\": \"2026-06-01\"}"));
            ok(run, 201);
            return number(run, "$.id");
        }

        private static void ok(MvcResult result, int status) throws Exception {
            if (result.getResponse().getStatus() != status) {
                throw new AssertionError(result.getRequest().getRequestURI() + " answered "
                        + result.getResponse().getStatus() + ": " + result.getResponse().getContentAsString());
            }
        }

        @Test
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
        void exportsHoldTheScopedRowsOnlyAndNeedTheExportPermission() throws Exception {
            for (String username : USERS) {
                MvcResult export = call(username, get("/api/v1/customers/export"));
                SignedInUser who = users.find(username).orElseThrow();
                if (!who.can(Permission.EXPORT)) {
                    softly.assertThat(export.getResponse().getStatus()).as("%s export", username).isEqualTo(403);
                    continue;
                }
                softly.assertThat(exportedIds(export)).as("%s export rows", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
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
        void runResultsMembershipsAsOfAndDryRunsShowOnlyTheScope() throws Exception {
            long runId = publishAndRunAbc();
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
