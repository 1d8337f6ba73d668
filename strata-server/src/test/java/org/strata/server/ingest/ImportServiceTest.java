package org.strata.server.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.strata.server.dashboard.DashboardFigures;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strata.server.ingest.ImportRows.customer;
import static org.strata.server.ingest.ImportRows.event;
import static org.strata.server.ingest.ImportRows.line;
import static org.strata.server.ingest.ImportRows.order;
import static org.strata.server.ingest.ImportRows.rejected;
import static org.strata.server.ingest.ImportRows.renamed;
import static org.strata.server.ingest.ImportRows.rows;

/** Idempotent, batch-atomic imports: the same contract on H2 and on PostgreSQL. Batches of 3 rows. */
@TestPropertySource(properties = "strata.import.batch-size=3")
class ImportServiceTest {

    abstract static class Contract {
        @Autowired
        ImportService imports;
        @Autowired
        JdbcTemplate jdbc;

        ImportJob importOrders(OrderRecord... orders) {
            return imports.importRows(ImportKind.ORDERS, "shop", "orders.csv", rows(orders), ProgressListener.NONE);
        }

        ImportJob importCustomers(CustomerRecord... customers) {
            return imports.importRows(ImportKind.CUSTOMERS, "shop", "customers.csv", rows(customers),
                    ProgressListener.NONE);
        }

        @BeforeEach
        void emptyDatabase() {
            ImportTables.clear(jdbc);
        }

        /** Six customers; the fifth one's email breaks a check the test adds (drop test_poison to heal it). */
        CustomerRecord[] customersOneOfWhichTheDatabaseRefuses() {
            jdbc.execute("ALTER TABLE customer_identifiers ADD CONSTRAINT test_poison"
                    + " CHECK (id_value <> 'poison@example.cn')");
            return new CustomerRecord[] {customer("C1", null, "c1@example.cn"), customer("C2", null, null),
                    customer("C3", null, null), customer("C4", null, null), customer("C5", null, "poison@example.cn"),
                    customer("C6", null, null)};
        }

        /** Orders O1 to O4 of customer C1 on lines 2 to 5, then an unreadable line 6. */
        ImportJob importFourOrdersThatBreakOffAtLine6() {
            List<ParsedRow<OrderRecord>> readable = List.of(new ParsedRow<>(2, order("O1", "C1", "1"), List.of()),
                    new ParsedRow<>(3, order("O2", "C1", "2"), List.of()),
                    new ParsedRow<>(4, order("O3", "C1", "3"), List.of()),
                    new ParsedRow<>(5, order("O4", "C1", "4"), List.of()));
            return imports.importRows(ImportKind.ORDERS, "shop", "orders.csv",
                    breakingOffAfter(readable, new ImportFileException(6, "a quoted value never ends", null)),
                    ProgressListener.NONE);
        }

        long count(String sql, Object... args) {
            return jdbc.queryForObject(sql, Long.class, args);
        }

        @Test
        void reimportingTheSameFileChangesNothing() {
            OrderRecord[] orders = {order("O1", "C1", "10.00"), order("O2", "C1", "20.50"), order("O3", "C2", "5"),
                    order("O4", "C3", "7.25")};
            ImportJob first = importOrders(orders);
            ImportJob second = importOrders(orders);

            assertThat(first.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(first.counts().inserted()).isEqualTo(4);
            assertThat(second.counts()).isEqualTo(new ImportCounts(4, 4, 0, 0, 0, 4, 0, 0));
            assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(4);
        }

        @Test
        void anOverlappingFileUpdatesChangedRowsAndAddsNewOnes() {
            importOrders(order("O1", "C1", "10.00"), order("O2", "C1", "20.00"));
            ImportJob overlap = importOrders(order("O2", "C1", "25.00"), order("O1", "C1", "10.00"),
                    order("O5", "C9", "1.00"));

            assertThat(overlap.counts().inserted()).isEqualTo(1);
            assertThat(overlap.counts().updated()).isEqualTo(1);
            assertThat(overlap.counts().unchanged()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT amount FROM orders WHERE order_no = 'O2'", BigDecimal.class))
                    .isEqualByComparingTo("25.00");
        }

        @Test
        void rejectedRowsAreReportedAndEveryValidRowIsStoredExactlyOnce() {
            RowSource<OrderRecord> source = RowSource.of(List.of(
                    new ParsedRow<>(2, order("O1", "C1", "10"), List.of()),
                    rejected(3, "amount", "abc", "not an amount; expected e.g. 1234.50 or ¥1,234.50"),
                    new ParsedRow<>(4, order("O2", "C1", "11"), List.of()),
                    rejected(5, "ordered_at", "2026-13-01", "not a date; expected e.g. 2026-03-01"),
                    new ParsedRow<>(6, order("O3", "C1", "12"), List.of())));
            ImportJob job = imports.importRows(ImportKind.ORDERS, "shop", "orders.csv", source, ProgressListener.NONE);

            assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
            assertThat(job.counts().rejected()).isEqualTo(2);
            assertThat(job.counts().inserted()).isEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(3);
            assertThat(jdbc.queryForList("SELECT line_no FROM import_errors WHERE job_id = ? ORDER BY line_no",
                    Long.class, job.id())).containsExactly(3L, 5L);
        }

        @Test
        void aKeyRepeatedInTheSameFileKeepsTheLastRowAndIsReported() {
            // O1 repeats inside the first batch, O2 across batches.
            ImportJob job = importOrders(order("O1", "C1", "1"), order("O2", "C1", "2"), order("O1", "C1", "3"),
                    order("O3", "C1", "4"), order("O2", "C1", "5"));

            assertThat(job.counts().duplicates()).isEqualTo(2);
            assertThat(job.message()).contains("2 rows repeated the key of an earlier row").contains("last one wins");
            assertThat(jdbc.queryForMap("SELECT (SELECT amount FROM orders WHERE order_no = 'O1') AS o1,"
                    + " (SELECT amount FROM orders WHERE order_no = 'O2') AS o2").values())
                    .map(v -> ((BigDecimal) v).intValue()).containsExactly(3, 5);
            assertThat(job.counts().inserted() + job.counts().updated() + job.counts().unchanged()
                    + job.counts().duplicates()).isEqualTo(job.counts().accepted());
        }

        @Test
        void aBatchTheDatabaseRefusesLeavesNothingBehindAndARerunCompletes() {
            // The customer row of the poisoned record is written before its identifiers fail: the whole batch must go.
            CustomerRecord[] customers = customersOneOfWhichTheDatabaseRefuses();

            ImportJob failed = importCustomers(customers);

            assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(failed.message()).contains("no row of that batch was stored");
            assertThat(jdbc.queryForList("SELECT external_id FROM customers ORDER BY external_id", String.class))
                    .containsExactly("C1", "C2", "C3");
            assertThat(failed.counts().read()).isEqualTo(3);

            jdbc.execute("ALTER TABLE customer_identifiers DROP CONSTRAINT test_poison");
            ImportJob rerun = importCustomers(customers);

            assertThat(rerun.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(rerun.counts().unchanged()).isEqualTo(3);
            assertThat(rerun.counts().inserted()).isEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(6);
        }

        @Test
        void aFileThatBreaksOffKeepsTheBatchesReadBeforeTheBreakAndARerunCompletes() {
            // Rows are read ahead while earlier batches are written: the break must still end the import after the
            // batches that came before it, and the row read before the break in the unfinished batch is not stored.
            ImportJob broken = importFourOrdersThatBreakOffAtLine6();

            assertThat(broken.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(broken.message(java.util.Locale.ENGLISH)).isEqualTo("line 6: a quoted value never ends");
            assertThat(jdbc.queryForList("SELECT order_no FROM orders ORDER BY order_no", String.class))
                    .containsExactly("O1", "O2", "O3");

            ImportJob rerun = importOrders(order("O1", "C1", "1"), order("O2", "C1", "2"), order("O3", "C1", "3"),
                    order("O4", "C1", "4"));
            assertThat(rerun.counts().unchanged()).isEqualTo(3);
            assertThat(rerun.counts().inserted()).isEqualTo(1);
        }

        @Test
        void aCustomerImportThatMergesTwoCustomersMovesTheirFiguresToTheSurvivor() {
            importCustomers(customer("C1", "+8613800000009", null), customer("C2", null, null));
            importOrders(order("O1", "C1", "10"), order("O2", "C2", "5"));
            long c1 = count("SELECT id FROM customers WHERE external_id = 'C1'");
            long c2 = count("SELECT id FROM customers WHERE external_id = 'C2'");

            ImportJob merging = importCustomers(customer("C2", "+8613800000009", null));

            assertThat(merging.counts().merges()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT total_spent FROM customer_figures WHERE customer_id = ?", BigDecimal.class, c1))
                    .isEqualByComparingTo("15");
            assertThat(count("SELECT order_count FROM customer_figures WHERE customer_id = ?", c1)).isEqualTo(2);
            assertThat(count("SELECT order_count FROM customer_figures WHERE customer_id = ?", c2)).isZero();
        }

        @Test
        void reimportingCustomersChangesNothingAndAChangedNameIsUpdated() {
            CustomerRecord c1 = customer("C1", "+8613800000001", "c1@example.cn");
            CustomerRecord c2 = customer("C2", "+8613800000002", null);
            importCustomers(c1, c2);

            ImportJob again = importCustomers(c1, c2);
            ImportJob renamed = importCustomers(renamed(c1, "张伟"), c2);

            assertThat(again.counts().unchanged()).isEqualTo(2);
            assertThat(again.counts().merges()).isZero();
            assertThat(renamed.counts().updated()).isEqualTo(1);
            assertThat(renamed.counts().unchanged()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT name FROM customers WHERE external_id = 'C1'", String.class))
                    .isEqualTo("张伟");
            assertThat(count("SELECT COUNT(*) FROM customer_identifiers")).isEqualTo(5);
        }

        @Test
        void aRecordKnownOnlyByItsPhoneUpdatesThatCustomerAndKeepsItsId() {
            importCustomers(customer("C1", "+8613800000001", null));

            ImportJob job = importCustomers(new CustomerRecord("shop", null, "新名字", "person", "+8613800000001",
                    "new@example.cn", null, null, null, null, null, Map.of(), Map.of()));

            assertThat(job.counts().updated()).isEqualTo(1);
            assertThat(jdbc.queryForMap("SELECT external_id, name, email FROM customers")).isEqualTo(Map.of(
                    "external_id", "C1", "name", "新名字", "email", "new@example.cn"));
            assertThat(jdbc.queryForList("SELECT DISTINCT customer_id FROM customer_identifiers", Long.class))
                    .containsExactly(count("SELECT id FROM customers"));
            assertThat(count("SELECT COUNT(*) FROM customer_identifiers")).isEqualTo(3);
        }

        @Test
        void ordersImportedBeforeTheirCustomerAreKeptAndLinkedWhenTheCustomerArrives() {
            importOrders(order("O1", "C7", "10"), order("O2", "C7", "11"));
            imports.importRows(ImportKind.EVENTS, "shop", "events.csv", rows(event("E1", "C7", "login")),
                    ProgressListener.NONE);
            assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id IS NULL AND customer_ref = 'C7'"))
                    .isEqualTo(2);

            importCustomers(customer("C7", null, null));

            long c7 = count("SELECT id FROM customers WHERE external_id = 'C7'");
            assertThat(jdbc.queryForList("SELECT customer_id FROM orders", Long.class)).containsOnly(c7);
            assertThat(jdbc.queryForList("SELECT customer_id FROM events", Long.class)).containsOnly(c7);
            assertThat(importOrders(order("O1", "C7", "10"), order("O2", "C7", "11")).counts().unchanged())
                    .isEqualTo(2);
        }

        @Test
        void theCustomerListFiguresFollowImportsOfOrdersAndOfLateCustomers() {
            importOrders(order("O1", "C8", "10"), order("O2", "C8", "11.50"));
            importCustomers(customer("C8", null, null));
            long c8 = count("SELECT id FROM customers WHERE external_id = 'C8'");
            assertThat(jdbc.queryForObject("SELECT total_spent FROM customer_figures WHERE customer_id = ?", BigDecimal.class, c8))
                    .isEqualByComparingTo("21.50");
            assertThat(count("SELECT order_count FROM customer_figures WHERE customer_id = ?", c8)).isEqualTo(2);

            importOrders(order("O2", "C8", "20"), order("O3", "C8", "1"));

            assertThat(jdbc.queryForObject("SELECT total_spent FROM customer_figures WHERE customer_id = ?", BigDecimal.class, c8))
                    .isEqualByComparingTo("31.00");
            assertThat(count("SELECT order_count FROM customer_figures WHERE customer_id = ?", c8)).isEqualTo(3);
        }

        @Test
        void anOrderIsLinkedToItsCustomerOnlyWithinTheSameSource() {
            importCustomers(customer("C1", null, null));
            imports.importRows(ImportKind.ORDERS, "crm", "orders.csv", rows(new OrderRecord("crm", "O1", "C1", null,
                    null, ImportRows.T0, BigDecimal.TEN, null, null, null, null, null)), ProgressListener.NONE);

            assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id IS NULL")).isEqualTo(1);
        }

        @Test
        void orderLinesAreAggregatedIntoOrdersWithReturnsAndCancellationsAsRefunds() {
            ImportJob job = imports.importRows(ImportKind.ORDER_LINES, "shop", "lines.csv", rows(
                    line("536365", "1", "C1", "6", "2.55", false),
                    line("536365", "2", "C1", "8", "3.39", false),
                    line("536365", "3", "C1", "-2", "2.55", false),
                    line("C536379", "1", "C1", "-1", "27.50", true),
                    line("536366", "1", "C1", "2", "1.85", false)), ProgressListener.NONE);

            assertThat(job.counts().inserted()).isEqualTo(5);
            Map<String, Object> order = jdbc.queryForMap("SELECT amount, refund_amount, status FROM orders"
                    + " WHERE order_no = '536365'");
            assertThat((BigDecimal) order.get("amount")).isEqualByComparingTo("42.42");
            assertThat((BigDecimal) order.get("refund_amount")).isEqualByComparingTo("5.10");
            assertThat(order.get("status")).isEqualTo("partially_refunded");
            Map<String, Object> cancellation = jdbc.queryForMap("SELECT amount, refund_amount, status FROM orders"
                    + " WHERE order_no = 'C536379'");
            assertThat((BigDecimal) cancellation.get("amount")).isEqualByComparingTo("0");
            assertThat((BigDecimal) cancellation.get("refund_amount")).isEqualByComparingTo("27.50");
            assertThat(cancellation.get("status")).isEqualTo("refunded");
            assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(3);
        }

        @Test
        void reimportingOrderLinesChangesNothing() {
            OrderLineRecord[] lines = {line("A1", "1", "C1", "1", "9.99", false), line("A1", "2", "C1", "2", "1", false)};
            imports.importRows(ImportKind.ORDER_LINES, "shop", "lines.csv", rows(lines), ProgressListener.NONE);
            ImportJob again = imports.importRows(ImportKind.ORDER_LINES, "shop", "lines.csv", rows(lines),
                    ProgressListener.NONE);

            assertThat(again.counts().unchanged()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT amount FROM orders WHERE order_no = 'A1'", BigDecimal.class))
                    .isEqualByComparingTo("11.99");
        }

        @Test
        void progressIsReportedAfterEveryBatch() {
            List<Long> seen = new java.util.ArrayList<>();
            imports.importRows(ImportKind.ORDERS, "shop", "orders.csv", rows(order("O1", "C1", "1"),
                    order("O2", "C1", "1"), order("O3", "C1", "1"), order("O4", "C1", "1")),
                    job -> seen.add(job.counts().read()));

            assertThat(seen).containsExactly(3L, 4L);
        }
    }

    /** The rows given, then the failure, as a CSV reader that meets a broken quote would behave. */
    static <T> RowSource<T> breakingOffAfter(List<ParsedRow<T>> rows, ImportFileException failure) {
        java.util.Iterator<ParsedRow<T>> readable = rows.iterator();
        return new RowSource<>() {
            @Override
            public boolean hasNext() {
                if (!readable.hasNext()) {
                    throw failure;
                }
                return true;
            }

            @Override
            public ParsedRow<T> next() {
                hasNext();
                return readable.next();
            }

            @Override
            public long bytesRead() {
                return -1;
            }

            @Override
            public long bytesTotal() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }

    /** The same contract when every file is loaded in bulk (one transaction, indexes rebuilt): same results. */
    @Nested
    @PostgresDatabase
    @TestPropertySource(properties = "strata.import.bulk=always")
    class OnPostgresInBulk extends Contract {

        @Autowired
        DashboardFigures dashboard;

        @Override
        @Test
        void aBatchTheDatabaseRefusesLeavesNothingBehindAndARerunCompletes() {
            CustomerRecord[] customers = customersOneOfWhichTheDatabaseRefuses();

            ImportJob failed = importCustomers(customers);

            assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(failed.message()).contains("the database refused the file; no row of it was stored");
            assertThat(count("SELECT COUNT(*) FROM customers")).isZero();
            assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'customers'"))
                    .as("the dropped indexes come back with the rollback").isGreaterThan(5);

            jdbc.execute("ALTER TABLE customer_identifiers DROP CONSTRAINT test_poison");
            ImportJob rerun = importCustomers(customers);

            assertThat(rerun.status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(rerun.counts().inserted()).isEqualTo(6);
        }

        @Override
        @Test
        void aFileThatBreaksOffKeepsTheBatchesReadBeforeTheBreakAndARerunCompletes() {
            ImportJob broken = importFourOrdersThatBreakOffAtLine6();

            assertThat(broken.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(broken.message(java.util.Locale.ENGLISH)).startsWith("line 6: a quoted value never ends; the file is loaded in one"
                    + " piece, so nothing of it was stored");
            assertThat(count("SELECT COUNT(*) FROM orders")).isZero();

            ImportJob rerun = importOrders(order("O1", "C1", "1"), order("O2", "C1", "2"), order("O3", "C1", "3"),
                    order("O4", "C1", "4"));
            assertThat(rerun.counts().inserted()).isEqualTo(4);
        }

        /** The dashboard's pre-aggregated figures (V50) follow a bulk load of orders, which lists no customers. */
        @Test
        void aBulkLoadOfOrdersRebuildsTheDashboardFigures() {
            importCustomers(customer("C1", null, null), customer("C2", null, null));
            dashboard.rebuildAll();
            assertThat(count("SELECT COALESCE(SUM(revenue), 0) FROM dashboard_spend")).isZero();

            importOrders(order("O1", "C1", "10"), order("O2", "C2", "20"), order("O3", "C2", "5"));

            assertThat(count("SELECT SUM(revenue) FROM dashboard_spend")).isEqualTo(35);
            assertThat(count("SELECT SUM(customers) FROM dashboard_spend")).isEqualTo(2);
        }

        @Override
        @Test
        void progressIsReportedAfterEveryBatch() {
            List<Long> seen = new java.util.ArrayList<>();
            imports.importRows(ImportKind.ORDERS, "shop", "orders.csv", rows(order("O1", "C1", "1"),
                    order("O2", "C1", "1"), order("O3", "C1", "1"), order("O4", "C1", "1")),
                    job -> seen.add(job.counts().read()));

            // after each staged batch, then once more with what the load wrote
            assertThat(seen).containsExactly(3L, 4L, 4L);
        }
    }
}
