package org.strata.server.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.testsupport.Databases;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which indexes a bulk load drops and that they all come back, on a real PostgreSQL. */
class SuspendedIndexesTest {

    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void twoTablesOneReferencingTheOther() {
        connection = new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true);
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(connection);
        jdbc.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, code VARCHAR(10) UNIQUE, name VARCHAR(10))");
        jdbc.execute("CREATE INDEX parent_name_idx ON parent (name)");
        jdbc.execute("CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES parent (id))");
        jdbc.execute("CREATE INDEX child_parent_idx ON child (parent_id)");
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void dropsPrimaryKeysOnlyWhereAskedAndNeverOneAForeignKeyReferences() {
        SuspendedIndexes indexes = SuspendedIndexes.suspend(jdbc, List.of("parent", "child"),
                List.of("parent", "child"));

        assertThat(indexes.names()).containsExactlyInAnyOrder("parent_code_key", "parent_name_idx", "child_pkey",
                "child_parent_idx");
        assertThat(indexNames()).containsExactly("parent_pkey");

        indexes.restore("64MB");
        assertThat(indexNames()).containsExactly("child_parent_idx", "child_pkey", "parent_code_key",
                "parent_name_idx", "parent_pkey");
        // (PostgreSQL 18 lists NOT NULL constraints in pg_constraint too, contype 'n'; they hold no index)
        assertThat(jdbc.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = 'child'::regclass"
                + " AND contype <> 'n' ORDER BY conname", String.class))
                .containsExactly("child_parent_id_fkey", "child_pkey");
    }

    @Test
    void keepsPrimaryKeysWhenNotAsked() {
        SuspendedIndexes indexes = SuspendedIndexes.suspend(jdbc, List.of("parent", "child"), List.of());

        assertThat(indexes.names()).containsExactlyInAnyOrder("parent_code_key", "parent_name_idx",
                "child_parent_idx");
        assertThat(indexNames()).containsExactly("child_pkey", "parent_pkey");
    }

    private List<String> indexNames() {
        return jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN ('parent', 'child')"
                + " ORDER BY indexname", String.class);
    }
}
