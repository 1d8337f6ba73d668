package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final List<Period> PERIODS = List.of(
            new Period(LocalDate.parse("2025-07-01"), LocalDate.parse("2026-06-30"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-10"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2023-01-01"), LocalDate.parse("2027-12-31"), ZoneId.of("Asia/Shanghai")));

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

        /** Every figure row, aggregates folded (a rebuild in chunks appends a row per key and chunk). */
        private Map<String, List<String>> figureRows() {
            compaction.compactAll();
            Map<String, List<String>> rows = new HashMap<>();
            for (String table : FigureBuild.FIGURE_TABLES) {
                rows.put(table, jdbc.queryForList("SELECT * FROM " + table).stream().map(Object::toString).sorted()
                        .toList());
            }
            return rows;
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
                assertListTotalsCountTheListedCustomers(softly, " while rebuilding, " + scope);
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

        private void assertAgreement(String when) {
            assertThat(figures.built()).as("figures built " + when).isTrue();
            SoftAssertions softly = new SoftAssertions();
            for (Runnable narrowing : scope.narrowings(jdbc)) {
                narrowing.run();
                String as = when + ", scope owner=" + scope.owner + " teams=" + scope.teams + " nothing="
                        + scope.nothing;
                softly.assertThat(aggregated.pareto()).as("pareto " + as).isEqualTo(direct.pareto());
                for (Period period : PERIODS) {
                    softly.assertThat(totals(aggregated, period)).as("totals " + period + " " + as)
                            .isEqualTo(totals(direct, period));
                }
                assertListTotalsCountTheListedCustomers(softly, as);
                for (long schemeId : jdbc.queryForList("SELECT id FROM tiering_schemes", Long.class)) {
                    String of = " of scheme " + schemeId + " " + as;
                    for (Period period : PERIODS) {
                        softly.assertThat(tiers(aggregated, schemeId, period)).as("tiers " + period + of)
                                .isEqualTo(tiers(direct, schemeId, period));
                        softly.assertThat(new HashSet<>(aggregated.retention(schemeId, period)))
                                .as("retention " + period + of)
                                .isEqualTo(new HashSet<>(direct.retention(schemeId, period)));
                    }
                    softly.assertThat(aggregated.history(schemeId)).as("history" + of)
                            .isEqualTo(direct.history(schemeId));
                    List<Long> since = new ArrayList<>();
                    since.add(null);
                    direct.runs(schemeId, 50).forEach(run -> since.add(run.id()));
                    for (Long run : since) {
                        softly.assertThat(new HashSet<>(aggregated.migration(schemeId, run)))
                                .as("migration since run " + run + of)
                                .isEqualTo(new HashSet<>(direct.migration(schemeId, run)));
                    }
                }
            }
            scope.everyone();
            softly.assertAll();
        }

        /** The console list counts a tier's or a stage's customers from the pre-aggregated tier sizes. */
        private void assertListTotalsCountTheListedCustomers(SoftAssertions softly, String as) {
            List<Map<String, Object>> tiers = jdbc.queryForList("SELECT DISTINCT s.scheme_key, m.tier_key"
                    + " FROM tiering_memberships m JOIN tiering_schemes s ON s.id = m.scheme_id");
            for (Map<String, Object> tier : tiers) {
                String scheme = (String) tier.get("scheme_key");
                String key = (String) tier.get("tier_key");
                CustomerBrowseFilter filter = scheme.equals(CustomerBrowser.LIFECYCLE_SCHEME)
                        ? new CustomerBrowseFilter(null, null, null, null, key, null, null, null, null)
                        : new CustomerBrowseFilter(null, scheme, key, null, null, null, null, null, null);
                softly.assertThat(browser.total(filter).customers()).as("list total of " + scheme + " " + key + as)
                        .isEqualTo(browser.find(filter, 0, 10_000).rows().size());
            }
        }

        private static String totals(FigureSource source, Period period) {
            DashboardQueries.Totals totals = source.totals(period);
            return totals.customers() + " customers, " + totals.activeCustomers() + " active, "
                    + cents(totals.revenue());
        }

        private static Map<String, String> tiers(FigureSource source, long schemeId, Period period) {
            Map<String, String> byTier = new HashMap<>();
            source.tiers(schemeId, period).forEach(t -> byTier.put(t.tier(), t.customers() + " / "
                    + cents(t.revenue())));
            return byTier;
        }

        private static String cents(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
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
