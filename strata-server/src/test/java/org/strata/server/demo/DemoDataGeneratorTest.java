package org.strata.server.demo;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo company is deterministic and internally consistent, on H2 and on PostgreSQL. */
class DemoDataGeneratorTest {

    static final Instant NOW = Instant.parse("2026-07-15T04:30:00Z");
    static final DemoSettings SMALL = new DemoSettings(7L, 1500, NOW, ZoneId.of("Asia/Shanghai"));

    abstract static class Contract {
        @Autowired
        DemoDataGenerator generator;
        @Autowired
        JdbcTemplate jdbc;

        /** The databases whose demo company this class generated; its tests share it (generating takes seconds). */
        static final Map<DataSource, DemoDataGenerator.Summary> GENERATED = new ConcurrentHashMap<>();

        @Autowired
        DataSource dataSource;

        /** The demo company, generated on first use; other test classes may have left rows in a shared context. */
        DemoDataGenerator.Summary generate() {
            return GENERATED.computeIfAbsent(dataSource, ds -> {
                CustomerData.deleteAll(jdbc);
                return generator.generateIfEmpty(SMALL).orElseThrow();
            });
        }

        @Test
        void fillsAnEmptyDatabaseOnceAndLeavesItAloneAfterwards() {
            DemoDataGenerator.Summary first = generate();
            assertThat(first.customers()).isGreaterThan(1500);
            assertThat(first.orders()).isGreaterThan(1500);
            assertThat(first.events()).isGreaterThan(1500);
            long customers = count("SELECT COUNT(*) FROM customers");

            assertThat(generator.generateIfEmpty(SMALL)).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM customers")).isEqualTo(customers);
        }

        @Test
        void dataIsConsistent() {
            generate();
            assertThat(count("SELECT COUNT(*) FROM orders o WHERE o.customer_id IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM customers c WHERE c.id = o.customer_id)")).isZero();
            assertThat(count("SELECT COUNT(*) FROM orders WHERE ordered_at > ?", java.sql.Timestamp.from(NOW)))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM events WHERE occurred_at > ?", java.sql.Timestamp.from(NOW)))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM orders WHERE ordered_at < ?",
                    java.sql.Timestamp.from(NOW.minusSeconds(2L * 366 * 86400)))).isZero();
            // every phone identifier is a valid +86 mobile and belongs to a surviving customer
            assertThat(count("SELECT COUNT(*) FROM customer_identifiers i JOIN customers c ON c.id = i.customer_id"
                    + " WHERE c.merged_into IS NOT NULL")).isZero();
            assertThat(jdbc.queryForList("SELECT id_value FROM customer_identifiers WHERE kind = 'phone'",
                    String.class)).allMatch(p -> p.matches("\\+861[3-9][0-9]{9}"));
            // every customer can be found by its own id in its source
            assertThat(count("SELECT COUNT(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_identifiers i"
                    + " WHERE i.kind = 'external_id' AND i.namespace = c.source AND i.id_value = c.external_id"
                    + " AND i.origin_customer_id = c.id)")).isZero();
            assertThat(count("SELECT COUNT(*) FROM orders WHERE refund_amount > amount OR refund_amount < 0")).isZero();
            assertThat(count("SELECT COUNT(*) FROM orders WHERE status = 'refunded' AND refund_amount <> amount"))
                    .isZero();
        }

        @Test
        void mergesAreConsistentWithMergedInto() {
            generate();
            List<Map<String, Object>> active = jdbc.queryForList("SELECT m.survivor_id, m.absorbed_id, m.key_value,"
                    + " a.merged_into, a.phone AS absorbed_phone, s.phone AS survivor_phone"
                    + " FROM identity_merges m JOIN customers a ON a.id = m.absorbed_id"
                    + " JOIN customers s ON s.id = m.survivor_id WHERE m.undone_at IS NULL");
            assertThat(active).hasSizeGreaterThanOrEqualTo(2);
            for (Map<String, Object> merge : active) {
                assertThat(((Number) merge.get("merged_into")).longValue())
                        .isEqualTo(((Number) merge.get("survivor_id")).longValue());
                assertThat(merge.get("absorbed_phone")).isEqualTo(merge.get("survivor_phone"))
                        .isEqualTo(merge.get("key_value"));
            }
            assertThat(count("SELECT COUNT(*) FROM customers c WHERE c.merged_into IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM identity_merges m WHERE m.absorbed_id = c.id AND m.survivor_id = c.merged_into"
                    + " AND m.undone_at IS NULL)")).isZero();
            assertThat(count("SELECT COUNT(*) FROM identity_merges m JOIN customers a ON a.id = m.absorbed_id"
                    + " WHERE m.undone_at IS NOT NULL AND a.merged_into IS NOT NULL")).isZero();
            assertThat(count("SELECT COUNT(*) FROM identity_merges WHERE undone_at IS NOT NULL")).isPositive();
        }

        @Test
        void orderStatisticsMatchTheOrders() {
            generate();
            assertThat(count("SELECT COUNT(*) FROM customers c JOIN customer_figures f ON f.customer_id = c.id"
                    + " WHERE c.merged_into IS NULL AND f.order_count > 0")).isPositive();
            assertThat(count("SELECT COUNT(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_figures f"
                    + " WHERE f.customer_id = c.id)")).isZero();
            String realised = " FROM orders o JOIN customers m ON m.id = o.customer_id"
                    + " WHERE (m.id = c.id OR m.merged_into = c.id) AND o.status IN ('completed', 'partially_refunded')";
            assertThat(count("SELECT COUNT(*) FROM customers c JOIN customer_figures f ON f.customer_id = c.id"
                    + " WHERE c.merged_into IS NULL AND (f.order_count <> (SELECT COUNT(*)" + realised + ")"
                    + " OR f.total_spent <> (SELECT COALESCE(SUM(o.amount - o.refund_amount), 0)" + realised + ")"
                    + " OR f.last_order_at IS DISTINCT FROM (SELECT MAX(o.ordered_at)" + realised + "))")).isZero();
        }

        @Test
        void customersAddedAfterTheDemoGetFreshIds() {
            generate();
            long max = count("SELECT MAX(id) FROM customers");
            jdbc.update("INSERT INTO customers (name, source) VALUES ('新客户', 'manual')");
            try {
                assertThat(count("SELECT id FROM customers WHERE name = '新客户'")).isEqualTo(max + 1);
            } finally {
                // the tests of this class share the generated company
                jdbc.update("DELETE FROM customers WHERE name = '新客户'");
            }
        }

        long count(String sql, Object... args) {
            return jdbc.queryForObject(sql, Long.class, args);
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
