package db.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.strata.server.testsupport.Databases;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V6 on PostgreSQL: key columns become byte-ordered on a database that already holds data, whenever it migrates. */
class ByteOrderKeyColumnsMigrationTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(Databases.freshPostgresUrl(),
            "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Test
    void anExistingDatabaseKeepsItsRowsTypesAndUniqueKeys() {
        flyway("5").migrate();
        jdbc.update("INSERT INTO customers (id, external_id, source) VALUES (1, '客户-1', '天猫')");
        jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value)"
                + " VALUES (1, 1, 'external_id', '天猫', '客户-1'), (1, 1, 'phone', '', '+8613800000000')");
        jdbc.update("INSERT INTO orders (source, order_no, customer_ref, customer_ref_kind, ordered_at, amount)"
                + " VALUES ('天猫', 'Ö-1', '+8613900000000', 'phone', CURRENT_TIMESTAMP, 10)");
        jdbc.update("INSERT INTO events (source, event_key, customer_id, type, occurred_at)"
                + " VALUES ('天猫', 'e-1', 1, 'visit', CURRENT_TIMESTAMP)");
        Map<String, Object> typesBefore = declaredTypes();

        flyway(null).migrate();

        assertThat(collations()).allSatisfy((column, collation) -> assertThat(collation).as(column).isEqualTo("C"));
        assertThat(declaredTypes()).isEqualTo(typesBefore);
        assertThat(jdbc.queryForObject("SELECT customer_id FROM customer_identifiers WHERE kind = ? AND namespace = ?"
                + " AND id_value = ?", Long.class, "external_id", "天猫", "客户-1")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT order_no FROM orders WHERE customer_id IS NULL AND customer_ref = ?",
                String.class, "+8613900000000")).isEqualTo("Ö-1");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount)"
                + " VALUES ('天猫', 'Ö-1', CURRENT_TIMESTAMP, 20)")).hasMessageContaining("orders_key");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id,"
                + " kind, namespace, id_value) VALUES (1, 1, 'phone', '', '+8613800000000')"))
                .hasMessageContaining("customer_identifiers_key");
    }

    @Test
    void aDatabaseAlreadyPastTheNumberSixGetsItOutOfOrder() {
        flyway(null).migrate();
        // A database that reached V50 before V6 was written: its key columns follow the database collation.
        V6__Byte_order_key_columns.KEY_COLUMNS.forEach((table, columns) -> columns.forEach(column ->
                jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE "
                        + jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = CAST(? AS regclass) AND attname = ?", String.class, table, column)
                        + " COLLATE \"default\"")));
        jdbc.update("DELETE FROM flyway_schema_history WHERE version = '6'");
        assertThat(collations()).containsValue(null);

        flyway(null).migrate();

        assertThat(collations()).allSatisfy((column, collation) -> assertThat(collation).as(column).isEqualTo("C"));
    }

    @Test
    void keyColumnsSortByCodePointAsTheCUtf8DatabaseCollationDoes() {
        flyway(null).migrate();
        List<String> values = List.of("b", "B", "a", "é", "e", "Z", "1", "-", "中", "丁", "ｚ", "\uD840\uDC00", "\uFFFD");
        for (String value : values) {
            jdbc.update("INSERT INTO orders (source, order_no, ordered_at, amount) VALUES ('s', ?, CURRENT_TIMESTAMP, 1)",
                    value);
        }
        List<String> byCodePoint = values.stream().sorted((x, y) -> java.util.Arrays.compare(x.codePoints().toArray(),
                y.codePoints().toArray())).toList();

        assertThat(jdbc.queryForList("SELECT order_no FROM orders ORDER BY order_no", String.class))
                .isEqualTo(byCodePoint);
        // The embedded server (like most Linux installations) runs with C.UTF-8, which sorts by code point too, so
        // even an ORDER BY over a key column gives what it gave before V6.
        assertThat(jdbc.queryForObject("SELECT datcollate FROM pg_database WHERE datname = current_database()",
                String.class)).isIn("C.UTF-8", "C.utf8");
        assertThat(jdbc.queryForList("SELECT order_no FROM orders ORDER BY order_no COLLATE \"default\"",
                String.class)).isEqualTo(byCodePoint);
    }

    /** As the server configures it (application.properties): out of order, version ranges per owner. */
    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private Map<String, Object> collations() {
        return columnInfo("collation_name");
    }

    private Map<String, Object> declaredTypes() {
        return columnInfo("data_type || COALESCE('(' || character_maximum_length || ')', '')");
    }

    private Map<String, Object> columnInfo(String expression) {
        Map<String, Object> info = new java.util.TreeMap<>();
        V6__Byte_order_key_columns.KEY_COLUMNS.forEach((table, columns) -> {
            for (String column : columns) {
                List<Object> values = jdbc.queryForList("SELECT " + expression + " FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?",
                        Object.class, table, column);
                assertThat(values).as(table + "." + column).hasSize(1);
                info.put(table + "." + column, values.get(0));
            }
        });
        return info;
    }
}
