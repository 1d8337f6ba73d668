package db.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.testsupport.Databases;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V19 on PostgreSQL over customers stored before it: every stored name gets the keys the database's function gives
 * it (computed in Java, chunk by chunk), the text index of V15 makes way for the index of the keys, and the
 * customers' other indexes are back as they were.
 */
class NameKeysAsIntegersMigrationTest {

    @Test
    void storedNamesGetTheirKeysAndTheIndexesComeBack() {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres",
                "", true));
        flyway(jdbc, "18").migrate();
        // ids across more than one chunk of the fill, with gaps
        jdbc.update("INSERT INTO customers (id, name) SELECT n, CASE WHEN n % 7 = 0 THEN NULL"
                + " ELSE 'Kunde 客户 ' || n || ' ÅΣẞ' END FROM generate_series(1, 250001, 50) n");
        jdbc.update("INSERT INTO customers (id, name) VALUES (300000, ''), (300001, 'Ⰿ')");
        List<String> indexesBefore = indexes(jdbc);

        flyway(jdbc, null).migrate();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE name_keys IS DISTINCT FROM"
                + " customer_name_keys(name)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE name_keys IS NOT NULL", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE name IS NOT NULL", Long.class));
        assertThat(jdbc.queryForObject("SELECT CAST(name_keys AS text) FROM customers WHERE id = 300000",
                String.class)).isEqualTo("{}");
        List<String> expected = new java.util.ArrayList<>(indexesBefore);
        expected.remove("customers_name_grams_idx");
        expected.add("customers_name_keys_idx");
        assertThat(indexes(jdbc)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'customers'", String.class);
    }

    /** As the server configures it (application.properties): out of order, version ranges per owner. */
    private static Flyway flyway(JdbcTemplate jdbc, String target) {
        var configuration = Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration")
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
