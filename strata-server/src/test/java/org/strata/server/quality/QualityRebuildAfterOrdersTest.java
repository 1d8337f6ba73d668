package org.strata.server.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.server.quality.QualityAgreement.count;
import static org.strata.server.quality.QualityAgreement.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
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
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SwitchableScope;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * After a bulk load of orders or events ({@link AllCustomerDataChanged} saying only that part changed, as an import
 * announces it) the quality figures equal the report from the base tables again, in a company whose customers have
 * findings of their own (bad phones and emails, merges), and the rows derived from the customers are kept as they
 * were: a customer row changed behind the figures' back stays as the figures knew it until customers change. On
 * PostgreSQL also through a real bulk load of an orders file.
 */
class QualityRebuildAfterOrdersTest {

    /** A context of its own, with a scope to switch for comparing the figures under several. */
    @TestConfiguration
    static class OwnContext extends SwitchableScope.AsPrimary {
    }

    @Import(OwnContext.class)
    abstract static class Contract {

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

        List<Long> customers;

        @BeforeEach
        void companyWithCustomerFindings() {
            scope.everyone();
            CustomerData.deleteAll(jdbc);
            demo.generateIfEmpty(new DemoSettings(5L, 150, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            customers = jdbc.queryForList("SELECT id FROM customers WHERE merged_into IS NULL AND owner_id IS NOT NULL"
                    + " ORDER BY id", Long.class);
            jdbc.update("UPDATE customers SET phone = '138-1234', email = 'Bad@Example' WHERE id = ?",
                    customers.get(2));
            jdbc.update("UPDATE customers SET phone = NULL, email = ' ' WHERE id = ?",
                    customers.get(customers.size() / 2));
            changed(EnumSet.allOf(Part.class));
            QualityReport before = assertAgreement("before the bulk load");
            assertThat(count(before, QualityCheck.CUSTOMERS_INVALID_PHONE)).isPositive();
            assertThat(count(before, QualityCheck.CUSTOMERS_MISSING_EMAIL)).isPositive();
            assertThat(count(before, QualityCheck.MERGES_ACTIVE)).as("the demo company has merges").isPositive();
        }

        @Test
        void afterABulkLoadOfOrdersTheFiguresEqualTheDirectReport() {
            QualityReport before = assertAgreement("before");
            order(jdbc, customers.get(7), "BULK-FUTURE", OffsetDateTime.now().plusDays(30), "10.00");
            order(jdbc, customers.get(customers.size() - 1), "BULK-ZERO", OffsetDateTime.now().minusDays(30), "0.00");
            order(jdbc, null, "BULK-WAITING", OffsetDateTime.now().minusDays(3), "-1.00");
            order(jdbc, null, "BULK-WAITING-2", OffsetDateTime.now().plusDays(3), "5.00");
            // an order moved to another customer by the load: its old customer's row must go
            jdbc.update("UPDATE orders SET customer_id = ?"
                            + " WHERE id = (SELECT MIN(id) FROM orders WHERE customer_id = ?)",
                    customers.get(1), customers.get(0));

            changed(EnumSet.of(Part.ORDERS));

            QualityReport after = assertAgreement("after a bulk load of orders");
            assertThat(count(after, QualityCheck.ORDERS_WITHOUT_CUSTOMER))
                    .isEqualTo(count(before, QualityCheck.ORDERS_WITHOUT_CUSTOMER) + 2);
            assertThat(count(after, QualityCheck.ORDERS_IN_FUTURE))
                    .isEqualTo(count(before, QualityCheck.ORDERS_IN_FUTURE) + 2);
            assertThat(count(after, QualityCheck.CUSTOMERS_INVALID_PHONE))
                    .isEqualTo(count(before, QualityCheck.CUSTOMERS_INVALID_PHONE));
        }

        @Test
        void afterABulkLoadOfEventsTheFiguresEqualTheDirectReport() {
            QualityReport before = assertAgreement("before");
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) VALUES"
                            + " ('legacy', 'BULK-E1', ?, 'visit', ?), ('legacy', 'BULK-E2', NULL, 'visit', ?),"
                            + " ('legacy', 'BULK-E3', ?, 'login', ?)",
                    customers.get(5), OffsetDateTime.now().plusDays(3), OffsetDateTime.now().minusDays(1),
                    customers.get(customers.size() - 2), OffsetDateTime.now().minusDays(2));

            changed(EnumSet.of(Part.EVENTS));

            QualityReport after = assertAgreement("after a bulk load of events");
            assertThat(count(after, QualityCheck.EVENTS_WITHOUT_CUSTOMER))
                    .isEqualTo(count(before, QualityCheck.EVENTS_WITHOUT_CUSTOMER) + 1);
            assertThat(count(after, QualityCheck.EVENTS_IN_FUTURE))
                    .isEqualTo(count(before, QualityCheck.EVENTS_IN_FUTURE) + 1);
        }

        @Test
        void theCustomersRowsAreKeptUntilCustomersChange() {
            long customer = customers.get(20);
            Map<String, Object> kept = customerRow(customer);
            QualityReport before = maintainedReport();
            // a phone spoilt behind the figures' back: only a change of customers may find it
            jdbc.update("UPDATE customers SET phone = 'not a phone' WHERE id = ?", customer);
            order(jdbc, customer, "BULK-OF-THE-SPOILT", OffsetDateTime.now().minusDays(1), "-2.00");
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) VALUES"
                    + " ('legacy', 'BULK-E-SPOILT', ?, 'visit', ?)", customer, OffsetDateTime.now().minusDays(1));

            changed(EnumSet.of(Part.ORDERS, Part.EVENTS));

            assertThat(customerRow(customer)).as("the customer's own row").isEqualTo(kept);
            QualityReport after = maintainedReport();
            assertThat(count(after, QualityCheck.CUSTOMERS_INVALID_PHONE))
                    .isEqualTo(count(before, QualityCheck.CUSTOMERS_INVALID_PHONE));
            assertThat(count(after, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT))
                    .as("the orders were recomputed")
                    .isEqualTo(count(before, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT) + 1);
            assertThat(after.totals().events()).isEqualTo(before.totals().events() + 1);

            changed(EnumSet.allOf(Part.class));
            assertThat(customerRow(customer).get("invalid_phone")).isEqualTo(1L);
            assertAgreement("after a change of customers");
        }

        void changed(EnumSet<Part> parts) {
            AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside(), parts);
        }

        /** The contribution of the customer's own row (not its merges, orders or events). */
        Map<String, Object> customerRow(long customer) {
            return jdbc.queryForMap("SELECT source, owner_id, team_id, customers, missing_phone, missing_email,"
                    + " invalid_phone, invalid_email FROM quality_contributions"
                    + " WHERE customer_id = ? AND customers = 1", customer);
        }

        QualityReport maintainedReport() {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return new TransactionTemplate(transactions)
                    .execute(s -> maintained.tally(null, now).toReport(now, null));
        }

        QualityReport assertAgreement(String when) {
            return new QualityAgreement(scope, jdbc, transactions, direct, maintained).check(when, "legacy");
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

    /** The same through a real bulk load of an orders file, which announces {ORDERS} itself (PostgreSQL only). */
    @Nested
    @PostgresDatabase
    @TestPropertySource(properties = "strata.import.bulk=always")
    class BulkImportOnPostgres extends Contract {

        @Autowired
        ImportService imports;

        @Test
        void aBulkImportOfOrdersCountsTheOrdersAndKeepsTheCustomersRows() {
            Map<String, Object> known = jdbc.queryForMap("SELECT c.id, i.namespace, i.id_value FROM customers c"
                    + " JOIN customer_identifiers i ON i.customer_id = c.id AND i.kind = 'external_id'"
                    + " WHERE c.merged_into IS NULL AND c.owner_id IS NOT NULL ORDER BY c.id LIMIT 1");
            long customer = ((Number) known.get("id")).longValue();
            String source = (String) known.get("namespace");
            String ref = (String) known.get("id_value");
            QualityReport before = maintainedReport();
            Map<String, Object> kept = customerRow(customer);
            jdbc.update("UPDATE customers SET phone = 'not a phone' WHERE id = ?", customer);
            OffsetDateTime now = OffsetDateTime.now();
            List<ParsedRow<OrderRecord>> rows = List.of(
                    row(2, source, "BULK-1", ref, now.minusDays(1), "12.00"),
                    row(3, source, "BULK-FUTURE", ref, now.plusDays(9), "12.00"),
                    row(4, source, "BULK-ZERO", ref, now.minusDays(2), "0.00"),
                    row(5, source, "BULK-WAITING", "NOBODY-KNOWN", now.minusDays(3), "5.00"));

            ImportJob job = imports.importRows(ImportKind.ORDERS, source, "orders.csv", RowSource.of(rows),
                    ProgressListener.NONE);

            assertThat(job.status()).as(job.message()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(customerRow(customer)).as("the customer's own row").isEqualTo(kept);
            QualityReport after = maintainedReport();
            assertThat(after.totals().orders()).isEqualTo(before.totals().orders() + 4);
            for (QualityCheck check : List.of(QualityCheck.ORDERS_IN_FUTURE, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT,
                    QualityCheck.ORDERS_WITHOUT_CUSTOMER)) {
                assertThat(count(after, check)).as(check.code()).isEqualTo(count(before, check) + 1);
            }
            assertThat(count(after, QualityCheck.CUSTOMERS_INVALID_PHONE))
                    .isEqualTo(count(before, QualityCheck.CUSTOMERS_INVALID_PHONE));

            changed(EnumSet.allOf(Part.class));
            assertAgreement("after the bulk import and a change of customers");
        }

        private static ParsedRow<OrderRecord> row(long line, String source, String orderNo, String customerRef,
                                                  OffsetDateTime at, String amount) {
            return new ParsedRow<>(line, new OrderRecord(source, orderNo, customerRef, null, null, at,
                    new BigDecimal(amount), null, null, null, null, "completed"), List.of());
        }
    }
}
