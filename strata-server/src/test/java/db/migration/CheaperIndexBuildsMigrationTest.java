package db.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.sql.SuspendedIndexes;
import org.strata.server.testsupport.Databases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V16 and V17 on PostgreSQL: the indexes redefined so that bulk loads build them cheaper still answer what they
 * answered before, through the index.
 */
class CheaperIndexBuildsMigrationTest {

    private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
            Databases.freshPostgresUrl(), "postgres", "", true);
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Test
    void theOrdersKeyStillAllowsAnOrderNumberOncePerSourceAfterAMigrationOverExistingOrders() {
        flyway("15").migrate();
        jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount) VALUES ('天猫', 'A-1', NOW(), 10)");

        flyway(null).migrate();

        assertThat(jdbc.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conname = 'orders_key'", String.class)).isEqualTo("UNIQUE (order_no, source)");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount)"
                + " VALUES ('天猫', 'A-1', NOW(), 20)")).hasMessageContaining("orders_key");
        jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount) VALUES ('京东', 'A-1', NOW(), 30)");
        // the upsert of the import names the key's columns in the order of the old definition
        jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount) VALUES ('天猫', 'A-1', NOW(), 40)"
                + " ON CONFLICT (source, order_no) DO UPDATE SET amount = EXCLUDED.amount");
        assertThat(jdbc.queryForList("SELECT source || ' ' || amount FROM orders ORDER BY id", String.class))
                .containsExactly("天猫 40.00", "京东 30.00");
    }

    @Test
    void theLastOrderIndexGivesTheCustomerListBothOrdersWithoutASort() {
        flyway(null).migrate();
        jdbc.execute("SET enable_sort = off");
        jdbc.execute("SET enable_seqscan = off");

        assertThat(plan("last_order_at DESC NULLS LAST, customer_id DESC"))
                .contains("Index Scan Backward using customer_figures_last_order_at_idx").doesNotContain("Sort");
        assertThat(plan("last_order_at ASC NULLS FIRST, customer_id ASC"))
                .contains("Index Scan using customer_figures_last_order_at_idx").doesNotContain("Sort");
    }

    @Test
    void whatChangedSinceAnImportBeganIsFoundThroughTheBlockRangeIndexes() {
        flyway(null).migrate();
        jdbc.update("INSERT INTO customers (id, name) VALUES (1, '甲'), (2, '乙')");
        jdbc.update("INSERT INTO orders (source, order_no, customer_id, ordered_at, amount)"
                + " VALUES ('s', 'A-1', 1, NOW(), 10), ('s', 'A-2', 2, NOW(), 10)");
        Timestamp since = Timestamp.from(Instant.now().plusSeconds(60));
        jdbc.update("UPDATE customers SET updated_at = ? WHERE id = 2", since);
        jdbc.update("UPDATE orders SET updated_at = ? WHERE order_no = 'A-1'", since);
        jdbc.execute("SET enable_seqscan = off");

        for (String table : List.of("customers", "orders")) {
            assertThat(jdbc.queryForObject("SELECT am.amname FROM pg_class i JOIN pg_am am ON am.oid = i.relam"
                    + " WHERE i.relname = ?", String.class, table + "_updated_at_idx")).isEqualTo("brin");
            assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM " + table
                    + " WHERE updated_at >= NOW()", String.class)))
                    .contains("Bitmap Index Scan on " + table + "_updated_at_idx");
        }
        assertThat(jdbc.queryForList("SELECT id FROM customers WHERE updated_at >= ?", Long.class, since))
                .containsExactly(2L);
        assertThat(jdbc.queryForList("SELECT customer_id FROM orders WHERE updated_at >= ?", Long.class, since))
                .containsExactly(1L);
    }

    @Test
    void aBulkLoadBuildsTheRedefinedIndexesAgainAsTheyWere() {
        flyway(null).migrate();
        List<String> tables = List.of("customers", "customer_figures", "orders");
        String before = definitions();
        jdbc.execute("BEGIN");

        SuspendedIndexes.suspend(jdbc, tables, List.of("orders")).restore("64MB");

        jdbc.execute("COMMIT");
        assertThat(definitions()).isEqualTo(before).contains("USING brin (updated_at)")
                .contains("(last_order_at NULLS FIRST, customer_id)").contains("(order_no, source)");
    }

    private String plan(String order) {
        return String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM customer_figures ORDER BY "
                + order + " LIMIT 10", String.class));
    }

    private String definitions() {
        return String.join("\n", jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename IN"
                + " ('customers', 'customer_figures', 'orders') ORDER BY indexname", String.class));
    }

    /** As the server configures it (application.properties): out of order, version ranges per owner. */
    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
