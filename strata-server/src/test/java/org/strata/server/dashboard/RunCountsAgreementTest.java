package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.SwitchableScope;
import org.strata.server.tiering.LedgerRunCounts;
import org.strata.server.tiering.RunCountsInScope;
import org.strata.server.tiering.RunCountsInScope.Counts;
import org.strata.server.tiering.RunCountsInScope.RunKey;

/**
 * The run counts a narrowed reader sees, summed from the rows kept by owner and team, must equal counting the ledger
 * and the customers directly: for everyone, an owner, a team, an owner with teams and nobody, for every run (full and
 * live), after runs, a live run, a pin, a customer moved to another owner, a merge and its undo, an erasure, a
 * rebuild and a rebuild in chunks.
 */
class RunCountsAgreementTest {

    /** Its own scope bean, so this test gets its own context and database, not the dashboard figures test's. */
    @TestConfiguration
    static class Scopes extends SwitchableScope.AsPrimary {
    }

    @AutoConfigureMockMvc
    @SignedInAs
    @Import(Scopes.class)
    abstract static class Contract {

        @Autowired
        MockMvc mvc;
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        JdbcClient client;
        @Autowired
        DemoDataGenerator demo;
        @Autowired
        SwitchableScope scope;
        @Autowired
        AggregatedRunCounts kept;
        @Autowired
        DashboardFigures figures;

        private AgreementSteps steps() {
            return new AgreementSteps(mvc, jdbc);
        }

        @Test
        void keptRunCountsEqualTheLedgerCountedDirectlyAfterEveryKindOfChange() throws Exception {
            scope.everyone();
            demo.generateIfEmpty(new DemoSettings(17L, 300, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            steps().publishAndRunThePresets();
            assertAgreement("after runs");
            assertThat(jdbc.queryForObject("SELECT SUM(moved) FROM tiering_runs", Long.class))
                    .as("the runs moved customers, so the counts have something to disagree on").isPositive();

            AgreementSteps.KnownCustomer known = steps().knownCustomer();
            long customer = known.id();
            String source = known.source();
            String external = known.externalId();
            steps().callAndAwaitLiveRuns(post("/api/v1/orders/batch"), """
                    {"source": "%2$s", "items": [
                      {"order_id": "RUNS-1", "customer_id": "%1$s", "ordered_at": "2026-06-20", "amount": 99000},
                      {"order_id": "RUNS-2", "customer_id": "%1$s", "ordered_at": "2026-06-21", "amount": 15}
                    ]}""".formatted(external, source));
            assertAgreement("after an order import and its live runs");

            String ownerName = steps().anotherOwnerThan(customer);
            steps().callAndAwaitLiveRuns(post("/api/v1/customers/batch"), """
                    {"source": "%s", "items": [{"customer_id": "%s", "owner": "%s"}]}"""
                    .formatted(source, external, ownerName));
            assertAgreement("after a customer moved to another owner");

            steps().call(post("/api/v1/tiering/schemes/retail/pins"), """
                    {"customerId": %d, "tier": "vip", "reason": "key account"}""".formatted(customer));
            assertAgreement("after a pin");

            long mergesBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM identity_merges", Long.class);
            linkTwoCustomersOfDifferentOwners(source);
            List<Long> merges = jdbc.queryForList("SELECT id FROM identity_merges WHERE id > ? ORDER BY id DESC",
                    Long.class, mergesBefore);
            assertThat(merges).as("merges made by the linking record").isNotEmpty();
            assertAgreement("after a merge");
            for (long merge : merges) {
                steps().callAndAwaitLiveRuns(post("/api/v1/merges/" + merge + "/undo"), "{}");
            }
            assertAgreement("after undoing the merge");

            steps().call(post("/api/v1/customers/" + customer + "/erasure"), "");
            assertAgreement("after an erasure");

            steps().call(post("/api/v1/tiering/schemes/retail/runs"), "{\"asOf\":\"2026-06-30\"}");
            assertAgreement("after another run");
            figures.rebuildAll();
            assertAgreement("after a rebuild");
            figures.rebuildInChunksOf(5, () -> { });
            assertAgreement("after a rebuild in chunks of 5 customers");
        }

        /** Imports a record with the phone of one customer and the email of another owner's: the three merge. */
        private void linkTwoCustomersOfDifferentOwners(String source) throws Exception {
            Map<String, Object> pair = jdbc.queryForMap("""
                    SELECT a.phone, b.email FROM customers a JOIN customers b ON b.owner_id <> a.owner_id
                    WHERE a.merged_into IS NULL AND b.merged_into IS NULL AND a.phone IS NOT NULL
                      AND b.email IS NOT NULL
                    ORDER BY a.id, b.id LIMIT 1""");
            steps().callAndAwaitLiveRuns(post("/api/v1/customers/batch"), """
                    {"source": "%s", "items": [{"customer_id": "RUNS-LINK", "phone": "%s", "email": "%s"}]}"""
                    .formatted(source, pair.get("phone"), pair.get("email")));
        }

        private void assertAgreement(String when) {
            assertThat(figures.built()).as("figures built " + when).isTrue();
            List<RunKey> runs = client.sql("SELECT id, run_trigger, status, started_at FROM tiering_runs ORDER BY id")
                    .query((rs, n) -> new RunKey(rs.getLong("id"), !"live".equals(rs.getString("run_trigger"))
                            && "succeeded".equals(rs.getString("status")), rs.getTimestamp("started_at").toInstant()))
                    .list();
            LedgerRunCounts ledger = new LedgerRunCounts(scope, client);
            SoftAssertions softly = new SoftAssertions();
            for (Runnable narrowing : scope.narrowings(jdbc)) {
                narrowing.run();
                Map<Long, Counts> direct = RunCountsInScope.of(runs, ledger);
                softly.assertThat(RunCountsInScope.of(runs, kept))
                        .as("%s, %s", when, scope)
                        .isEqualTo(direct);
            }
            scope.everyone();
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
