package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.ProgressListener;
import org.strata.server.ingest.RowSource;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.SwitchableScope;

/**
 * A load of orders in bulk after runs: on PostgreSQL the dashboard recomputes only what orders decide and keeps the
 * figures that customers and the ledger decide (tiers, history, run counts, migration matrices, creation times). Every
 * figure must then equal the direct queries, and every figure row what a rebuild of everything computes. (H2 has no
 * bulk path: the same load refreshes the customers it touched.)
 */
class OrdersLoadAgreementTest {

    /** The figure tables an orders-only rebuild leaves as they are. */
    private static final List<String> KEPT = List.of("dashboard_history", "dashboard_run_counts",
            "dashboard_created", "dashboard_migration", "dashboard_customer_tiers");

    @AutoConfigureMockMvc
    @SignedInAs
    @Import(SwitchableScope.AsPrimary.class)
    @TestPropertySource(properties = "strata.import.bulk=always")
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
        @Autowired
        ImportService imports;

        /** The transactions that wrote the kept figures' rows, or null where the database cannot tell. */
        abstract Map<String, List<String>> writersOfKeptRows();

        @Test
        void figuresAfterABulkLoadOfOrdersEqualTheDirectQueriesAndARebuildOfEverything() throws Exception {
            scope.everyone();
            demo.generateIfEmpty(new DemoSettings(17L, 300, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            new AgreementSteps(mvc, jdbc).publishAndRunThePresets();
            FigureAgreement agreement = new FigureAgreement(jdbc, scope, direct, aggregated, figures, browser,
                    compaction);
            agreement.assertAgreement("after runs");
            compaction.compactAll();
            Map<String, List<String>> writersBefore = writersOfKeptRows();

            String source = jdbc.queryForObject("SELECT namespace FROM customer_identifiers WHERE kind = 'external_id'"
                    + " GROUP BY namespace ORDER BY COUNT(*) DESC LIMIT 1", String.class);
            List<String> customers = jdbc.queryForList("SELECT id_value FROM customer_identifiers"
                    + " WHERE kind = 'external_id' AND namespace = ? ORDER BY id_value", String.class, source);
            List<ParsedRow<OrderRecord>> orders = ordersOf(customers, source);
            ImportJob job = imports.importRows(ImportKind.ORDERS, source, "orders.csv", RowSource.of(orders),
                    ProgressListener.NONE);
            assertThat(job.counts().inserted()).as(job.summary()).isEqualTo(orders.size());

            agreement.assertAgreement("after a bulk load of orders");
            if (writersBefore != null) {
                assertThat(writersOfKeptRows()).as("transactions that wrote the kept figures")
                        .isEqualTo(writersBefore);
            }
            Map<String, List<String>> afterLoad = agreement.figureRows();
            figures.rebuildAll();
            assertThat(agreement.figureRows()).as("figure rows after a rebuild of everything").isEqualTo(afterLoad);
        }

        /**
         * Three orders of each customer: two in the same month (several orders, and a month that may be new between
         * two others), one refunded in part, one cancelled, spread over two years so that some customers start
         * buying, some come back and some drop out of a period.
         */
        static List<ParsedRow<OrderRecord>> ordersOf(List<String> customers, String source) {
            List<ParsedRow<OrderRecord>> orders = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                OffsetDateTime month = OffsetDateTime.parse("2024-07-01T09:30:00+08:00").plusMonths(i % 24);
                String customer = customers.get(i);
                // the first morning of a month in Shanghai is that month, though still the month before in UTC
                orders.add(order(orders.size(), source, customer, month.withHour(3), "1200.50", null,
                        "completed"));
                orders.add(order(orders.size(), source, customer, month.plusDays(3), "88.00", "8.00",
                        "partially_refunded"));
                orders.add(order(orders.size(), source, customer, month.plusMonths(3), "500", null,
                        i % 3 == 0 ? "cancelled" : "completed"));
            }
            return orders;
        }

        private static ParsedRow<OrderRecord> order(int n, String source, String customer, OffsetDateTime at,
                                                    String amount, String refund, String status) {
            return new ParsedRow<>(n + 2, new OrderRecord(source, "BULK-" + n, customer, null, null, at,
                    new BigDecimal(amount), null, refund == null ? null : new BigDecimal(refund), null, null, status),
                    List.of());
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {

        @Override
        Map<String, List<String>> writersOfKeptRows() {
            return null;
        }
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {

        /** Each kept table's rows by the transaction that wrote them (PostgreSQL's xmin). */
        @Override
        Map<String, List<String>> writersOfKeptRows() {
            Map<String, List<String>> writers = new java.util.HashMap<>();
            for (String table : KEPT) {
                writers.put(table, jdbc.queryForList("SELECT xmin::text || ' ' || COUNT(*) FROM " + table
                        + " GROUP BY xmin::text ORDER BY 1", String.class));
            }
            return writers;
        }
    }
}
