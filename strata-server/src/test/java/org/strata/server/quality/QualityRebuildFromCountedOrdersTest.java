package org.strata.server.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.server.quality.QualityAgreement.count;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.ImportStatus;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.ProgressListener;
import org.strata.server.ingest.RowSource;
import org.strata.server.sql.SqlDialect;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SwitchableScope;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.AllCustomerDataChanged.Part;
import org.strata.server.tiering.FirstOrderLoadObserver;

/**
 * A first bulk load of orders (into an empty orders table, on PostgreSQL) has the quality figures rebuilt from the
 * orders counted while they were copied ({@link ObservedOrders}), and they equal the report from the base tables; an
 * order written, changed or deleted after the load committed and before the rebuild makes the rebuild read the stored
 * orders instead, and the figures are right again; counts of a load that rolled back, or did not say it was complete,
 * are never handed over.
 */
@PostgresDatabase
@TestPropertySource(properties = "strata.import.bulk=always")
@ExtendWith(OutputCaptureExtension.class)
@Import(QualityRebuildFromCountedOrdersTest.OwnContext.class)
class QualityRebuildFromCountedOrdersTest {

    private static final String COUNTED = "from the orders counted while they were loaded";
    private static final String CHANGED = "the orders changed after their load";

    /** A context of its own: a scope to switch, and a way to write orders between a load's commit and the rebuild. */
    @TestConfiguration
    static class OwnContext extends SwitchableScope.AsPrimary {
        @Bean
        BetweenLoadAndRebuild betweenLoadAndRebuild(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
            return new BetweenLoadAndRebuild(transactions, jdbc);
        }
    }

    /** Runs a write, in a transaction of its own, right after a first load of orders commits (once). */
    static final class BetweenLoadAndRebuild implements FirstOrderLoadObserver {

        private final TransactionTemplate ownTransaction;
        private final JdbcTemplate jdbc;
        volatile Consumer<JdbcTemplate> write;

        BetweenLoadAndRebuild(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
            this.ownTransaction = new TransactionTemplate(transactions);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            this.jdbc = jdbc;
        }

        @Override
        public Orders begin() {
            Consumer<JdbcTemplate> pending = write;
            write = null;
            if (pending != null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        ownTransaction.executeWithoutResult(s -> pending.accept(jdbc));
                    }
                });
            }
            return new Orders() {
                @Override
                public void order(Long customerId, String source, String status, BigDecimal amount,
                                  BigDecimal refund, OffsetDateTime orderedAt) {
                }

                @Override
                public void complete() {
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlDialect dialect;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DemoDataGenerator demo;
    @Autowired
    SwitchableScope scope;
    @Autowired
    DirectQualityReport direct;
    @Autowired
    MaintainedQualityReport maintained;
    @Autowired
    ImportService imports;
    @Autowired
    ObservedOrders observed;
    @Autowired
    BetweenLoadAndRebuild between;

    /** Customers with an external id: its namespace (the orders' source) and value (their customer reference). */
    List<Map<String, Object>> known;

    @BeforeEach
    void companyWithoutOrders() {
        scope.everyone();
        org.strata.server.testsupport.CustomerData.deleteAll(jdbc);
        demo.generateIfEmpty(new DemoSettings(5L, 150, Instant.parse("2026-06-30T04:00:00Z"),
                ZoneId.of("Asia/Shanghai")));
        jdbc.update("DELETE FROM orders");
        known = jdbc.queryForList("SELECT c.id, i.namespace, i.id_value FROM customers c"
                + " JOIN customer_identifiers i ON i.customer_id = c.id AND i.kind = 'external_id'"
                + " WHERE c.owner_id IS NOT NULL ORDER BY c.id");
        assertThat(known).hasSizeGreaterThan(20);
        changed(EnumSet.allOf(Part.class));
        assertThat(count(assertAgreement("before the load"), QualityCheck.MERGES_ACTIVE)).isPositive();
    }

    @Test
    void aFirstLoadRebuildsFromTheCountedOrdersAndEqualsTheDirectReport(CapturedOutput output) {
        ImportJob job = load(firstLoad());

        assertThat(job.status()).as(job.message()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(output.getOut()).contains(COUNTED).doesNotContain(CHANGED);
        QualityReport after = assertAgreement("after a first load");
        assertThat(after.totals().orders()).isEqualTo(firstLoad().size());
        assertThat(count(after, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT)).as("0.00, -3.00 and 0.004").isEqualTo(3);
        assertThat(count(after, QualityCheck.ORDERS_IN_FUTURE)).isEqualTo(2);
        assertThat(count(after, QualityCheck.ORDERS_WITHOUT_CUSTOMER)).isEqualTo(2);
        assertThat(observed.take()).as("the counts are used once").isNull();
        Map<String, List<String>> counted = QualityAgreement.tables(jdbc);
        changed(EnumSet.of(Part.ORDERS));
        assertThat(QualityAgreement.tables(jdbc)).as("what the rebuild from the stored orders writes")
                .isEqualTo(counted);
        assertThat(counted.get("quality_findings")).hasSizeGreaterThan(7);
    }

    @Test
    void anOrderAddedBetweenTheLoadAndTheRebuildIsCounted(CapturedOutput output) {
        long customer = ((Number) known.get(3).get("id")).longValue();
        between.write = db -> QualityAgreement.order(db, customer, "IN-BETWEEN", OffsetDateTime.now(), "0.00");

        load(firstLoad());

        assertThat(output.getOut()).contains(CHANGED).doesNotContain(COUNTED);
        QualityReport after = assertAgreement("after an order added in between");
        assertThat(after.totals().orders()).isEqualTo(firstLoad().size() + 1);
        assertThat(count(after, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT)).isEqualTo(4);
    }

    @Test
    void anOrderChangedBetweenTheLoadAndTheRebuildIsCounted(CapturedOutput output) {
        between.write = db -> db.update("UPDATE orders SET amount = -1 WHERE order_no = 'FIRST-0'");

        load(firstLoad());

        assertThat(output.getOut()).contains(CHANGED).doesNotContain(COUNTED);
        assertThat(count(assertAgreement("after an order changed in between"),
                QualityCheck.ORDERS_NON_POSITIVE_AMOUNT)).isEqualTo(4);
    }

    @Test
    void anOrderDeletedBetweenTheLoadAndTheRebuildIsNotCounted(CapturedOutput output) {
        between.write = db -> db.update("DELETE FROM orders WHERE order_no = 'FIRST-ZERO'");

        load(firstLoad());

        assertThat(output.getOut()).contains(CHANGED).doesNotContain(COUNTED);
        QualityReport after = assertAgreement("after an order deleted in between");
        assertThat(after.totals().orders()).isEqualTo(firstLoad().size() - 1);
        assertThat(count(after, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT)).isEqualTo(2);
    }

    @Test
    void countsOfALoadThatRolledBackOrWasNotCompleteAreNeverHandedOver() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            FirstOrderLoadObserver.Orders orders = observed.begin();
            orders.order(1L, "shop", "completed", BigDecimal.TEN, BigDecimal.ZERO, OffsetDateTime.now());
            orders.complete();
            status.setRollbackOnly();
        });
        assertThat(observed.take()).as("rolled back").isNull();

        transaction.executeWithoutResult(status -> observed.begin()
                .order(1L, "shop", "completed", BigDecimal.TEN, BigDecimal.ZERO, OffsetDateTime.now()));
        assertThat(observed.take()).as("committed, never complete").isNull();

        transaction.executeWithoutResult(status -> {
            FirstOrderLoadObserver.Orders orders = observed.begin();
            orders.order(1L, "shop", "completed", BigDecimal.TEN, BigDecimal.ZERO, OffsetDateTime.now());
            orders.complete();
        });
        ObservedOrders.Load committed = observed.take();
        assertThat(committed).isNotNull();
        assertThat(committed.counts().seen()).isEqualTo(1);
        assertThat(observed.take()).as("taken once").isNull();
    }

    /**
     * Orders of a dozen known customers in their sources (several for some), with the rare findings: amounts of zero,
     * below zero and rounding to zero, future dates, and orders of nobody known.
     */
    private List<ParsedRow<OrderRecord>> firstLoad() {
        OffsetDateTime now = OffsetDateTime.now();
        List<ParsedRow<OrderRecord>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> customer = known.get(i);
            for (int n = 0; n <= i % 3; n++) {
                rows.add(row(rows.size() + 2, customer, "FIRST-" + rows.size(), now.minusDays(10 + i),
                        "12.50"));
            }
        }
        rows.add(row(rows.size() + 2, known.get(0), "FIRST-ZERO", now.minusDays(2), "0.00"));
        rows.add(row(rows.size() + 2, known.get(1), "FIRST-NEGATIVE", now.minusDays(2), "-3.00"));
        rows.add(row(rows.size() + 2, known.get(2), "FIRST-ROUNDED-AWAY", now.minusDays(2), "0.004"));
        rows.add(row(rows.size() + 2, known.get(4), "FIRST-FUTURE", now.plusDays(9), "8.00"));
        rows.add(row(rows.size() + 2, known.get(5), "FIRST-TOMORROW", now.plusDays(1), "8.00"));
        String source = (String) known.get(0).get("namespace");
        rows.add(new ParsedRow<>(rows.size() + 2, new OrderRecord(source, "FIRST-WAITING", "NOBODY-KNOWN", null, null,
                now.minusDays(3), new BigDecimal("5.00"), null, null, null, null, "completed"), List.of()));
        rows.add(new ParsedRow<>(rows.size() + 2, new OrderRecord(source, "FIRST-WAITING-2", "NOBODY-AT-ALL", null,
                null, now.minusDays(4), new BigDecimal("7.00"), null, null, null, null, "refunded"), List.of()));
        return rows;
    }

    private ImportJob load(List<ParsedRow<OrderRecord>> rows) {
        // the orders are imported source by source in one file: the job's source is that of the first
        return imports.importRows(ImportKind.ORDERS, (String) known.get(0).get("namespace"), "orders.csv",
                RowSource.of(rows), ProgressListener.NONE);
    }

    private static ParsedRow<OrderRecord> row(long line, Map<String, Object> customer, String orderNo,
                                              OffsetDateTime at, String amount) {
        return new ParsedRow<>(line, new OrderRecord((String) customer.get("namespace"), orderNo,
                (String) customer.get("id_value"), null, null, at, new BigDecimal(amount), null, null, null, null,
                "completed"), List.of());
    }

    private void changed(EnumSet<Part> parts) {
        AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside(), parts);
    }

    private QualityReport assertAgreement(String when) {
        return new QualityAgreement(scope, jdbc, transactions, direct, maintained).check(when,
                (String) known.get(0).get("namespace"));
    }
}
