package db.migration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.sql.SuspendedIndexes;
import org.strata.server.testsupport.Databases;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V18 on both databases, over identifiers stored before it: the value, kind and namespace are the primary key (a key
 * held twice is refused under the key's old name), the surrogate ids are kept and new ones follow them.
 */
class IdentifiersKeyedByTheirValueMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theNaturalKeyBecomesThePrimaryKeyAndTheIdsStay(String database) {
        JdbcTemplate jdbc = jdbc(database);
        flyway(jdbc, "17").migrate();
        jdbc.update("INSERT INTO customers (id, name) VALUES (1, '甲'), (2, '乙')");
        jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value)"
                + " VALUES (1, 1, 'phone', '', '+8613800000000'), (2, 2, 'external_id', '天猫', 'C-2')");
        List<Long> idsBefore = jdbc.queryForList("SELECT id FROM customer_identifiers ORDER BY id", Long.class);

        flyway(jdbc, null).migrate();

        assertThat(primaryKeyColumns(jdbc, database)).containsExactly("id_value", "kind", "namespace");
        assertThat(jdbc.queryForList("SELECT id FROM customer_identifiers ORDER BY id", Long.class))
                .isEqualTo(idsBefore);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id,"
                + " kind, namespace, id_value) VALUES (2, 2, 'phone', '', '+8613800000000')"))
                .isInstanceOf(DuplicateKeyException.class)
                // H2 names the index of a primary key itself
                .satisfies(e -> assertThat(e.getMessage()).contains(database.equals("h2") ? "PRIMARY_KEY"
                        : "customer_identifiers_key"));
        // the same value of another kind or namespace is another identifier
        jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value)"
                + " VALUES (2, 2, 'external_id', '京东', 'C-2')");
        assertThat(jdbc.queryForObject("SELECT id FROM customer_identifiers WHERE namespace = '京东'", Long.class))
                .isGreaterThan(idsBefore.get(1));
    }

    @Test
    void aBulkLoadOfCustomersBuildsTwoIndexesOfTheIdentifiersAndTheNaturalKeyAgainAsThePrimaryKey() {
        JdbcTemplate jdbc = jdbc("postgres");
        flyway(jdbc, null).migrate();
        jdbc.execute("BEGIN");

        SuspendedIndexes suspended = SuspendedIndexes.suspend(jdbc, List.of("customer_identifiers"),
                List.of("customer_identifiers"));
        suspended.restore("64MB");

        jdbc.execute("COMMIT");
        assertThat(suspended.names()).containsExactlyInAnyOrder("customer_identifiers_customer_idx",
                "customer_identifiers_key");
        assertThat(primaryKeyColumns(jdbc, "postgres")).containsExactly("id_value", "kind", "namespace");
    }

    private static List<String> primaryKeyColumns(JdbcTemplate jdbc, String database) {
        return database.equals("h2")
                ? jdbc.queryForList("SELECT LOWER(k.column_name) FROM information_schema.table_constraints c"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                + " WHERE LOWER(c.table_name) = 'customer_identifiers' AND c.constraint_type = 'PRIMARY KEY'"
                + " ORDER BY k.ordinal_position", String.class)
                : jdbc.queryForList("SELECT a.attname FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid"
                + " AND a.attnum = ANY (x.indkey) WHERE x.indrelid = 'customer_identifiers'::regclass"
                + " AND x.indisprimary ORDER BY array_position(x.indkey::int2[], a.attnum)", String.class);
    }

    private static JdbcTemplate jdbc(String database) {
        return database.equals("h2")
                ? new JdbcTemplate(new SingleConnectionDataSource(Databases.freshH2Url(), "sa", "", true))
                : new JdbcTemplate(new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true));
    }

    /** As the server configures it (application.properties): out of order, version ranges per owner. */
    private static Flyway flyway(JdbcTemplate jdbc, String target) {
        var configuration = Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration")
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
