package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.ProgressListener;
import org.strata.server.ingest.RowSource;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SignedInAs;
import org.strata.server.testsupport.SwitchableScope;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.CustomerDataChanged;

/**
 * A first load of orders, into an empty orders table (PostgreSQL's bulk path): the dashboard's rebuild afterwards
 * writes the order months the load summed instead of aggregating the orders. Every figure must still equal the direct
 * queries and, row for row, what a rebuild of everything computes; and an order written between the load's commit and
 * the rebuild must make the rebuild aggregate the orders, so that it counts.
 */
@PostgresDatabase
@AutoConfigureMockMvc
@SignedInAs
@Import({SwitchableScope.AsPrimary.class, FirstLoadAgreementTest.OrderInBetween.class})
@TestPropertySource(properties = "strata.import.bulk=always")
@ExtendWith(OutputCaptureExtension.class)
class FirstLoadAgreementTest {

    private static final String FROM_LOAD = "the months summed by the load";
    private static final String FROM_ORDERS = "the months aggregated from the orders";

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
    @Autowired
    OrderInBetween orderInBetween;

    private FigureAgreement agreement;
    private String source;

    /**
     * A company with runs and merges, whose orders are then deleted: the next load of orders is a first load. (The
     * figures are stale until that load, which rebuilds every figure orders decide.)
     */
    @BeforeEach
    void companyWithoutOrders() throws Exception {
        scope.everyone();
        orderInBetween.customerId = null;
        if (demo.generateIfEmpty(new DemoSettings(23L, 300, Instant.parse("2026-06-30T04:00:00Z"),
                ZoneId.of("Asia/Shanghai"))).isPresent()) {
            new AgreementSteps(mvc, jdbc).publishAndRunThePresets();
        }
        agreement = new FigureAgreement(jdbc, scope, direct, aggregated, figures, browser, compaction);
        jdbc.update("DELETE FROM orders");
        source = jdbc.queryForObject("SELECT namespace FROM customer_identifiers WHERE kind = 'external_id'"
                + " GROUP BY namespace ORDER BY COUNT(*) DESC LIMIT 1", String.class);
    }

    @Test
    void theFiguresFromTheLoadsMonthsEqualTheDirectQueriesAndARebuildOfEverything(CapturedOutput output) {
        firstLoad();

        assertThat(output).contains(FROM_LOAD).doesNotContain(FROM_ORDERS);
        agreement.assertAgreement("after a first load of orders");
        Map<String, List<String>> afterLoad = agreement.figureRows();
        figures.rebuildAll();
        assertThat(agreement.figureRows()).as("figure rows after a rebuild of everything").isEqualTo(afterLoad);
    }

    @Test
    void anOrderWrittenBetweenTheLoadAndTheRebuildMakesTheRebuildAggregateTheOrders(CapturedOutput output) {
        orderInBetween.customerId = jdbc.queryForObject("SELECT MIN(customer_id) FROM customer_identifiers"
                + " WHERE kind = 'external_id' AND namespace = ?", Long.class, source);

        firstLoad();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE order_no = 'BETWEEN-1'", Long.class))
                .isEqualTo(1);
        agreement.assertAgreement("after a first load of orders and an order in between");
        assertThat(output).contains(FROM_ORDERS).doesNotContain(FROM_LOAD);
    }

    private void firstLoad() {
        List<String> customers = jdbc.queryForList("SELECT id_value FROM customer_identifiers"
                + " WHERE kind = 'external_id' AND namespace = ? ORDER BY id_value", String.class, source);
        List<ParsedRow<OrderRecord>> orders = OrdersLoadAgreementTest.Contract.ordersOf(customers, source);
        ImportJob job = imports.importRows(ImportKind.ORDERS, source, "orders.csv", RowSource.of(orders),
                ProgressListener.NONE);
        assertThat(job.counts().inserted()).as(job.summary()).isGreaterThanOrEqualTo(orders.size());
    }

    /**
     * Writes an order of a customer when a load has committed, before the dashboard hears of it (when a customer is
     * set), as a single order from the API does: the order, the customer's figures, then the change announced.
     */
    static class OrderInBetween {

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        CustomerStatsRefresher stats;
        @Autowired
        ApplicationEventPublisher events;
        Long customerId;

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(AllCustomerDataChanged event) {
            if (customerId != null) {
                long customer = customerId;
                customerId = null;
                jdbc.update("INSERT INTO orders (source, order_no, customer_id, origin_customer_id, ordered_at,"
                        + " amount, refund_amount, status) VALUES ('between', 'BETWEEN-1', ?, ?,"
                        + " TIMESTAMP WITH TIME ZONE '2026-05-20 10:00:00+08', 777.77, 0, 'completed')",
                        customer, customer);
                stats.refresh(List.of(customer));
                events.publishEvent(new CustomerDataChanged(Set.of(customer)));
            }
        }
    }
}
