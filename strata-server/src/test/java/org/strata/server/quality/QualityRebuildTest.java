package org.strata.server.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.server.quality.QualityAgreement.order;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.sql.SqlDialect;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import org.strata.server.testsupport.SwitchableScope;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * The rebuild of the quality figures in committed chunks of customers (forced tiny here: 7 customers per chunk):
 * it writes exactly what one transaction over everyone writes; a refresh committed between two chunks, for customers
 * already rebuilt and for customers not yet rebuilt, leaves the figures equal to the report from the base tables;
 * while a rebuild runs the report answers from the base tables; a rebuild cut short leaves the figures not built and
 * the rebuild at the next start makes them right. The same for a rebuild after a bulk load of orders and events, which
 * keeps the customers' rows: in chunks it writes what a full rebuild writes, refreshes between its chunks are kept,
 * and after a rebuild cut short it rebuilds everything.
 */
class QualityRebuildTest {

    /** A context of its own (the chunk size), with a scope to switch for comparing the figures under several. */
    @TestConfiguration
    static class OwnContext extends SwitchableScope.AsPrimary {
    }

    @Import(OwnContext.class)
    @TestPropertySource(properties = "strata.quality.rebuild-chunk=7")
    abstract static class Contract {

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        JdbcClient client;
        @Autowired
        SqlDialect dialect;
        @Autowired
        QualityStatements statements;
        @Autowired
        ObservedOrders observedOrders;
        @Autowired
        ObservedOrdersRebuild fromObservedOrders;
        @Autowired
        PlatformTransactionManager transactions;
        @Autowired
        DemoDataGenerator demo;
        @Autowired
        SwitchableScope scope;
        @Autowired
        DirectQualityReport direct;
        @Autowired
        MaintainedQualityReport maintained;
        @Autowired
        QualityReportService reports;
        @Autowired
        QualityFigures figures;

        List<Long> customers;

        @BeforeEach
        void companyWithDefects() {
            scope.everyone();
            CustomerData.deleteAll(jdbc);
            demo.generateIfEmpty(new DemoSettings(11L, 120, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            customers = jdbc.queryForList("SELECT id FROM customers WHERE merged_into IS NULL AND owner_id IS NOT NULL"
                    + " ORDER BY id", Long.class);
            // defects of every kind, spread over the id range so that several chunks hold some
            jdbc.update("UPDATE customers SET phone = '138-1234', email = 'Bad@Example' WHERE id = ?", customers.get(3));
            jdbc.update("UPDATE customers SET phone = NULL, email = ' ' WHERE id = ?", customers.get(customers.size() / 3));
            order(jdbc, customers.get(10), "R-FUTURE", OffsetDateTime.now().plusDays(20), "10.00");
            order(jdbc, customers.get(customers.size() * 2 / 3), "R-ZERO", OffsetDateTime.now().minusDays(20), "0.00");
            order(jdbc, null, "R-WAITING", OffsetDateTime.now().minusDays(2), "-3.00");
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) VALUES"
                    + " ('legacy', 'R-E1', NULL, 'visit', ?)", OffsetDateTime.now().minusDays(1));
            figures.rebuildAll();
        }

        @Test
        void aRebuildInTinyChunksWritesWhatOneTransactionOverEveryoneWrites() {
            List<Long> chunkEnds = new ArrayList<>();
            figures.rebuildAll(chunkEnds::add);
            assertThat(chunkEnds).as("chunks committed before the last").hasSizeGreaterThan(10);
            Map<String, List<String>> chunked = QualityAgreement.tables(jdbc);
            assertAgreement("after a rebuild in chunks");

            new QualityRebuild(client, jdbc, dialect, statements, observedOrders, fromObservedOrders, transactions,
                    Integer.MAX_VALUE)
                    .run(QualityStatements.EVERY_PART, last -> {
                throw new AssertionError("one chunk holds everyone: no chunk is committed before the last");
            });
            assertThat(QualityAgreement.tables(jdbc)).isEqualTo(chunked);
            assertThat(chunked.get("quality_findings")).hasSizeGreaterThan(4);
        }

        @Test
        void refreshesBetweenChunksLeaveTheFiguresRight() {
            long[] refreshed = new long[2];
            figures.rebuildAll(last -> {
                if (refreshed[0] != 0 || last < customers.get(customers.size() / 2)) {
                    return;
                }
                assertThat(figures.built()).as("built before the last chunk").isFalse();
                // the report meanwhile comes from the base tables and is right
                QualityReport during = reports.report(null);
                assertThat(during.sources()).isEqualTo(reports.reportFromBaseTables(null).sources());

                long rebuilt = customers.stream().filter(id -> id <= last).reduce((a, b) -> b).orElseThrow();
                long notYet = customers.stream().filter(id -> id > last).findFirst().orElseThrow();
                for (long customer : new long[] {rebuilt, notYet}) {
                    jdbc.update("UPDATE customers SET phone = 'x', email = NULL WHERE id = ?", customer);
                    order(jdbc, customer, "R-LATE-" + customer, OffsetDateTime.now().plusDays(5), "-1.00");
                }
                order(jdbc, null, "R-LATE-WAITING", OffsetDateTime.now().minusDays(1), "7.00");
                figures.refreshCustomers(List.of(rebuilt, notYet));
                refreshed[0] = rebuilt;
                refreshed[1] = notYet;
            });
            assertThat(refreshed[0]).as("the refresh ran between two chunks").isPositive();
            assertThat(figures.built()).isTrue();
            assertAgreement("after refreshes between chunks");
        }

        @Test
        void anOrdersAndEventsRebuildInTinyChunksWritesWhatAFullRebuildWrites() {
            ordersAndEventsLoadedInBulk();
            List<Long> chunkEnds = new ArrayList<>();
            figures.rebuildAfter(EnumSet.of(Part.ORDERS, Part.EVENTS), chunkEnds::add);
            assertThat(chunkEnds).as("chunks committed before the last").hasSizeGreaterThan(10);
            Map<String, List<String>> kept = QualityAgreement.tables(jdbc);
            assertAgreement("after an orders and events rebuild in chunks");

            figures.rebuildAll();
            assertThat(kept).isEqualTo(QualityAgreement.tables(jdbc));
        }

        @Test
        void refreshesBetweenChunksOfAnOrdersAndEventsRebuildLeaveTheFiguresRight() {
            ordersAndEventsLoadedInBulk();
            long[] refreshed = new long[2];
            figures.rebuildAfter(EnumSet.of(Part.ORDERS, Part.EVENTS), last -> {
                if (refreshed[0] != 0 || last < customers.get(customers.size() / 2)) {
                    return;
                }
                assertThat(figures.built()).as("built before the last chunk").isFalse();
                long rebuilt = customers.stream().filter(id -> id <= last).reduce((a, b) -> b).orElseThrow();
                long notYet = customers.stream().filter(id -> id > last).findFirst().orElseThrow();
                // a customer change the rebuild of orders would not see: the refresh must write the customer's rows
                for (long customer : new long[] {rebuilt, notYet}) {
                    jdbc.update("UPDATE customers SET phone = 'x', email = NULL WHERE id = ?", customer);
                    order(jdbc, customer, "R-LATE-" + customer, OffsetDateTime.now().plusDays(5), "-1.00");
                }
                figures.refreshCustomers(List.of(rebuilt, notYet));
                refreshed[0] = rebuilt;
                refreshed[1] = notYet;
            });
            assertThat(refreshed[0]).as("the refresh ran between two chunks").isPositive();
            assertThat(figures.built()).isTrue();
            assertAgreement("after refreshes between chunks of an orders rebuild");
        }

        @Test
        void anOrdersRebuildAfterARebuildCutShortRebuildsEverything() {
            assertThatThrownBy(() -> figures.rebuildAll(last -> {
                throw new IllegalStateException("the server stops");
            })).isInstanceOf(IllegalStateException.class);
            // the customers the rebuild cut short did not reach still have their rows from before this change
            jdbc.update("UPDATE customers SET phone = 'not a phone' WHERE id = ?", customers.get(customers.size() - 1));
            ordersAndEventsLoadedInBulk();

            figures.rebuildAfter(EnumSet.of(Part.ORDERS, Part.EVENTS));
            assertThat(figures.built()).isTrue();
            assertAgreement("after an orders rebuild that followed a rebuild cut short");
        }

        /** Orders and events written the way a bulk load writes them, with no refresh of the figures. */
        private void ordersAndEventsLoadedInBulk() {
            order(jdbc, customers.get(customers.size() - 2), "B-FUTURE", OffsetDateTime.now().plusDays(9), "1.00");
            order(jdbc, customers.get(1), "B-ZERO", OffsetDateTime.now().minusDays(9), "0.00");
            order(jdbc, null, "B-WAITING", OffsetDateTime.now().minusDays(9), "2.00");
            jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at) VALUES"
                            + " ('legacy', 'B-E1', ?, 'visit', ?), ('legacy', 'B-E2', NULL, 'visit', ?)",
                    customers.get(customers.size() / 2), OffsetDateTime.now().plusDays(2),
                    OffsetDateTime.now().minusDays(2));
        }

        @Test
        void aRebuildCutShortIsRedoneAtTheNextStartAndRefreshesMeanwhileDoNoHarm() {
            assertThatThrownBy(() -> figures.rebuildAll(last -> {
                throw new IllegalStateException("the server stops");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(figures.built()).isFalse();
            assertThat(reports.report(null).sources()).isEqualTo(reports.reportFromBaseTables(null).sources());

            jdbc.update("UPDATE customers SET email = 'NOT-AN-EMAIL' WHERE id IN (?, ?)", customers.get(0),
                    customers.get(customers.size() - 1));
            figures.refreshCustomers(List.of(customers.get(0), customers.get(customers.size() - 1)));
            assertThat(figures.built()).isFalse();

            figures.buildIfNeverBuilt();
            assertThat(figures.built()).isTrue();
            assertAgreement("after the rebuild at the next start");
        }

        void assertAgreement(String when) {
            new QualityAgreement(scope, jdbc, transactions, direct, maintained).check(when, "legacy");
        }

        /** The contributions, findings and figures (folded by key) as sorted text rows. */
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {

        /**
         * V56: the derived tables skip the write-ahead log, so crash recovery empties them; it must empty the mark that
         * they are built with them, and the figures are then rebuilt at start-up like after a rebuild cut short.
         */
        @Test
        void aCrashEmptiesEveryDerivedTableAndTheMarkTogetherAndTheStartUpRebuildsThem() {
            Map<String, String> persistence = new java.util.TreeMap<>();
            jdbc.query("SELECT relname, relpersistence FROM pg_class WHERE relkind = 'r' AND relname LIKE 'quality%'",
                    rs -> {
                        persistence.put(rs.getString(1), rs.getString(2));
                    });
            assertThat(persistence).as("u: unlogged, p: logged").isEqualTo(Map.of(
                    "quality_built", "u", "quality_contributions", "u", "quality_figures", "u",
                    "quality_findings", "u", "quality_refresh_set", "u", "quality_refresh_lock", "p"));

            // what crash recovery does to every unlogged table
            jdbc.execute("TRUNCATE TABLE quality_built, quality_contributions, quality_figures, quality_findings,"
                    + " quality_refresh_set");
            assertThat(figures.built()).isFalse();
            assertThat(reports.report(null).sources()).isEqualTo(reports.reportFromBaseTables(null).sources());

            figures.buildIfNeverBuilt();
            assertThat(figures.built()).isTrue();
            assertAgreement("after the rebuild at the start that followed a crash");
        }
    }
}
