package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.SwitchableScope;

/**
 * Every dashboard figure computed both ways, from the pre-aggregated rows and directly from the base tables, must be
 * the same: for everyone and for owner and team scopes, over several periods and every run to compare with, after
 * runs, after an import with a live update, after a pin, after undoing a merge and after a rebuild. A rebuild in
 * chunks of customers gives the same rows as one in a single transaction; while it is half done the dashboard answers
 * from the base tables as it does once it is complete; and changes in the middle of it, to customers it has and has
 * not yet reached, are counted exactly once.
 */
class AggregatedFiguresAgreementTest {

    @AutoConfigureMockMvc
    @SignedInAs
    @Import(SwitchableScope.AsPrimary.class)
    abstract static class Contract {

        @Autowired
        MockMvc mvc;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        DemoDataGenerator demo;
        @Autowired
        SwitchableScope scope;
        @Autowired
        DashboardQueries direct;
        @Autowired
        AggregatedFigures aggregated;
        @Autowired
        DashboardFigures figures;
        @Autowired
        CustomerBrowser browser;
        @Autowired
        FigureCompaction compaction;

        private AgreementSteps steps() {
            return new AgreementSteps(mvc, jdbc);
        }

        private FigureAgreement agreement() {
            return new FigureAgreement(jdbc, scope, direct, aggregated, figures, browser, compaction);
        }

        private void assertAgreement(String when) {
            agreement().assertAgreement(when);
        }

        private Map<String, List<String>> figureRows() {
            return agreement().figureRows();
        }

        @Test
        void preAggregatedFiguresEqualTheDirectQueriesAfterEveryKindOfChange() throws Exception {
            scope.everyone();
            demo.generateIfEmpty(new DemoSettings(11L, 300, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            steps().publishAndRunThePresets();
            assertAgreement("after runs");

            AgreementSteps.KnownCustomer known = steps().knownCustomer();
            long customer = known.id();
            String source = known.source();
            String external = known.externalId();
            steps().callAndAwaitLiveRuns(post("/api/v1/orders/batch"), """
                    {"source": "%2$s", "items": [
                      {"order_id": "AGREE-1", "customer_id": "%1$s", "ordered_at": "2026-06-20", "amount": 88000},
                      {"order_id": "AGREE-2", "customer_id": "%1$s", "ordered_at": "2026-06-21", "amount": 12},
                      {"order_id": "AGREE-3", "customer_id": "%1$s", "ordered_at": "2024-02-01", "amount": 5}
                    ]}""".formatted(external, source));
            assertAgreement("after an order import and its live update");

            String ownerName = steps().anotherOwnerThan(customer);
            steps().callAndAwaitLiveRuns(post("/api/v1/customers/batch"), """
                    {"source": "%s", "items": [
                      {"customer_id": "%s", "owner": "%s"},
                      {"customer_id": "AGREE-NEW", "name": "新客户 🎉", "owner": "%s"}
                    ]}""".formatted(source, external, ownerName, ownerName));
            assertAgreement("after a customer import that moved a customer to another owner");

            steps().call(post("/api/v1/tiering/schemes/retail/pins"), """
                    {"customerId": %d, "tier": "vip", "reason": "strategic account"}""".formatted(customer));
            assertAgreement("after a pin");

            Long merge = jdbc.query("SELECT MIN(id) FROM identity_merges WHERE undone_at IS NULL",
                    rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null);
            if (merge != null) {
                steps().callAndAwaitLiveRuns(post("/api/v1/merges/" + merge + "/undo"), "{}");
                assertAgreement("after undoing a merge");
            }

            steps().call(post("/api/v1/tiering/schemes/retail/runs"), "{\"asOf\":\"2026-06-30\"}");
            assertAgreement("after another run");

            figures.rebuildAll();
            assertAgreement("after a rebuild");

            figures.rebuildInChunksOf(Long.MAX_VALUE, () -> { });
            Map<String, List<String>> inOneTransaction = figureRows();
            List<Map<String, String>> whileRebuilding = new ArrayList<>();
            figures.rebuildInChunksOf(7, () -> {
                if (whileRebuilding.isEmpty()) {
                    whileRebuilding.add(answersWhileNotBuilt());
                }
            });
            assertThat(figureRows()).as("figures rebuilt in chunks of 7 customers").isEqualTo(inOneTransaction);
            assertAgreement("after a rebuild in chunks");
            assertThat(whileRebuilding.get(0)).as("the dashboard's answers while the figures were half rebuilt")
                    .isEqualTo(dashboardAnswers());

            AgreementSteps.KnownCustomer last = steps().lastKnownCustomer();
            List<Long> completeWhenChanged = new ArrayList<>();
            figures.rebuildInChunksOf(40, () -> {
                if (completeWhenChanged.isEmpty()) {
                    completeWhenChanged.add(jdbc.queryForObject(
                            "SELECT complete_through FROM dashboard_rebuild", Long.class));
                    orderAndAwaitLiveRuns(known, "CHUNKS-1");
                    orderAndAwaitLiveRuns(last, "CHUNKS-2");
                }
            });
            assertThat(completeWhenChanged.get(0)).as("a customer of the first chunk, refreshed, and one of a later"
                    + " chunk, computed after the change").isBetween(known.id(), last.id() - 1);
            assertAgreement("after orders and their live runs during a rebuild in chunks");
        }

        private void orderAndAwaitLiveRuns(AgreementSteps.KnownCustomer customer, String orderId) {
            try {
                steps().callAndAwaitLiveRuns(post("/api/v1/orders/batch"), """
                        {"source": "%s", "items": [
                          {"order_id": "%s", "customer_id": "%s", "ordered_at": "2026-06-25", "amount": 777}
                        ]}""".formatted(customer.source(), orderId, customer.externalId()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The dashboard's answers, checked to come from a half-rebuilt state. */
        private Map<String, String> answersWhileNotBuilt() {
            assertThat(figures.built()).as("figures built in the middle of a rebuild").isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_customers", Long.class))
                    .as("customers with figures after the first chunk")
                    .isLessThan(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class));
            SoftAssertions softly = new SoftAssertions();
            for (Runnable narrowing : scope.narrowings(jdbc)) {
                narrowing.run();
                agreement().assertListTotalsCountTheListedCustomers(softly, " while rebuilding, " + scope);
            }
            scope.everyone();
            softly.assertAll();
            return dashboardAnswers();
        }

        /** A migration matrix's cells come in no particular order; sorted, two answers compare as text. */
        private static String cellsInOrder(String answer) {
            int cells = answer.indexOf("\"cells\":[");
            if (cells < 0) {
                return answer;
            }
            int start = cells + "\"cells\":[".length();
            int end = answer.indexOf(']', start);
            return answer.substring(0, start) + String.join(",", java.util.Arrays.stream(
                    answer.substring(start, end).split("(?<=}),")).sorted().toList()) + answer.substring(end);
        }

        /** The dashboard API's answers for every scope. */
        private Map<String, String> dashboardAnswers() {
            Map<String, String> answers = new HashMap<>();
            try {
                for (Runnable narrowing : scope.narrowings(jdbc)) {
                    narrowing.run();
                    for (String path : List.of("summary?from=2025-07-01&to=2026-06-30", "pareto",
                            "migration?scheme=retail", "history?scheme=retail&from=2025-01-01&to=2026-12-31",
                            "retention?scheme=lifecycle&from=2026-01-01&to=2026-06-30")) {
                        answers.put(scope + " " + path, cellsInOrder(mvc.perform(get("/api/v1/dashboard/" + path))
                                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                scope.everyone();
            }
            return answers;
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
