package org.strata.server.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.testsupport.Databases;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An insert whose foreign keys are checked once for all its rows, on a real PostgreSQL. */
class ForeignKeysCheckedOnceTest {

    private String url;
    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void ownersAndTheirCustomers() {
        url = Databases.freshPostgresUrl();
        connection = new SingleConnectionDataSource(url, "postgres", "", true);
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(connection);
        jdbc.execute("CREATE TABLE owner (id BIGINT PRIMARY KEY, region INT, code INT, UNIQUE (region, code))");
        jdbc.execute("CREATE TABLE client (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id),"
                + " region INT, code INT, merged_into BIGINT REFERENCES client (id),"
                + " FOREIGN KEY (region, code) REFERENCES owner (region, code))");
        jdbc.execute("INSERT INTO owner VALUES (1, 10, 100), (2, 20, 200), (3, 30, 300)");
        jdbc.execute("COMMIT");
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void insertsWithoutPerRowTriggersWhenTheRoleMaySetTheReplicaRole() {
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "client");

        long rows = keys.insert(() -> jdbc.update("INSERT INTO client SELECT n, 1 + n % 2, 10, 100, NULLIF(n - 1, 0)"
                + " FROM generate_series(1, 1000) n"), "id BETWEEN 1 AND 1000");

        assertThat(keys.checkedOnce()).isTrue();
        assertThat(keys.names()).containsExactly("client_merged_into_fkey", "client_owner_id_fkey",
                "client_region_code_fkey");
        assertThat(rows).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT current_setting('session_replication_role')", String.class))
                .isEqualTo("origin");
    }

    @Test
    void locksTheReferencedRowsAsTheTriggersWouldUntilCommit() {
        ForeignKeysCheckedOnce.of(jdbc, "client").insert(() -> jdbc.update("INSERT INTO client VALUES"
                + " (1, 1, NULL, NULL, NULL), (2, NULL, 20, 200, NULL)"), "id BETWEEN 1 AND 2");

        assertThat(deletableByAnotherSession("id = 1")).isFalse();
        assertThat(deletableByAnotherSession("id = 2")).isFalse();
        assertThat(deletableByAnotherSession("id = 3")).isTrue();
        jdbc.execute("COMMIT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client", Long.class)).isEqualTo(2);
    }

    @Test
    void failsOnAReferenceWithoutItsRowNamingTheKeyAndTheValue() {
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "client");

        assertThatThrownBy(() -> keys.insert(() -> jdbc.update("INSERT INTO client VALUES"
                + " (1, 1, NULL, NULL, NULL), (2, 1, 20, 999, NULL), (3, 1, NULL, 999, NULL)"), "id BETWEEN 1 AND 3"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessage("insert or update on table \"client\" violates foreign key constraint"
                        + " \"client_region_code_fkey\": Key (region, code)=(20, 999) is not present in table"
                        + " \"owner\".");
    }

    @Test
    void findsAMissingSelfReference() {
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "client");

        assertThatThrownBy(() -> keys.insert(() -> jdbc.update("INSERT INTO client VALUES (1, 1, NULL, NULL, 7)"),
                "id = 1"))
                .hasMessageContaining("\"client_merged_into_fkey\": Key (merged_into)=(7)");
    }

    @Test
    void checksAndLocksTheReferencesAWriterCollectedItself() {
        jdbc.execute("CREATE TABLE member (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))");
        jdbc.execute("COMMIT");
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "member");
        keys.withoutTriggers(() -> jdbc.update("INSERT INTO member VALUES (1, 1), (2, 2), (3, NULL)"));

        keys.checkReferences(Map.of("owner_id", List.of(1L, 2L)), 3);

        assertThat(deletableByAnotherSession("id = 1")).isFalse();
        assertThat(deletableByAnotherSession("id = 2")).isFalse();
        assertThat(deletableByAnotherSession("id = 3")).isTrue();
    }

    @Test
    void failsOnACollectedReferenceWithoutItsRow() {
        jdbc.execute("CREATE TABLE member (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))");
        jdbc.execute("COMMIT");
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "member");
        keys.withoutTriggers(() -> jdbc.update("INSERT INTO member VALUES (1, 1), (2, 9)"));

        assertThatThrownBy(() -> keys.checkReferences(Map.of("owner_id", List.of(1L, 9L)), 2))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("\"member_owner_id_fkey\": Key (owner_id)=(9) is not present");
    }

    @Test
    void checksTheRowsOfATableEmptiedHereAndTheEmptyingKeepsTheirReferencesUntilCommit() {
        jdbc.execute("CREATE TABLE member (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))");
        jdbc.execute("INSERT INTO member VALUES (9, 3)");
        jdbc.execute("COMMIT");
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "member");
        jdbc.execute("TRUNCATE member");
        keys.leaveTriggersOut();
        jdbc.update("INSERT INTO member VALUES (1, 1), (2, 2), (3, NULL)");
        keys.putTriggersBack();

        keys.checkRowsOfEmptiedTable("id BETWEEN 1 AND 3", 3);

        assertThat(jdbc.queryForObject("SELECT current_setting('session_replication_role')", String.class))
                .isEqualTo("origin");
        // no row of owner is locked: deleting one must look into member, which the TRUNCATE holds until the commit
        assertThat(deletableByAnotherSession("id = 1")).isFalse();
        jdbc.execute("COMMIT");
        assertThat(deletableByAnotherSession("id = 1")).isFalse();
        assertThat(deletableByAnotherSession("id = 3")).isTrue();
    }

    @Test
    void failsOnARowReferencingAMissingRowAmongTheRowsChecked() {
        jdbc.execute("CREATE TABLE member (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))");
        jdbc.execute("COMMIT");
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "member");
        keys.withoutTriggers(() -> jdbc.update("INSERT INTO member VALUES (1, 1), (2, 9), (3, 8)"));

        keys.checkRowsOfEmptiedTable("id = 1", 1);
        assertThatThrownBy(() -> keys.checkRowsOfEmptiedTable("TRUE", 3))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageMatching(".*\"member_owner_id_fkey\": Key \\(owner_id\\)=\\([89]\\) is not present.*");
    }

    @Test
    void refusesCollectedReferencesThatLeaveAForeignKeyOut() {
        // client has a foreign key over two columns, and one over merged_into
        assertThatThrownBy(() -> ForeignKeysCheckedOnce.of(jdbc, "client")
                .checkReferences(Map.of("owner_id", List.of(1L)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[owner_id]");
    }

    @Test
    void leavesTheTriggersToCheckForARoleThatMayNotSetTheReplicaRole() {
        jdbc.execute("CREATE ROLE loader");
        jdbc.execute("GRANT ALL ON owner, client TO loader");
        jdbc.execute("SET LOCAL ROLE loader");
        ForeignKeysCheckedOnce keys = ForeignKeysCheckedOnce.of(jdbc, "client");

        assertThat(keys.checkedOnce()).isFalse();
        assertThatThrownBy(() -> keys.insert(() -> jdbc.update("INSERT INTO client VALUES (1, 9, NULL, NULL, NULL)"),
                "id = 1")).hasMessageContaining("client_owner_id_fkey");
    }

    @Test
    void leavesTheTriggersToCheckWhenTheTableHasAnotherTriggerTheReplicaRoleWouldSilence() {
        jdbc.execute("CREATE FUNCTION no_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER audit BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION no_op()");

        assertThat(ForeignKeysCheckedOnce.of(jdbc, "client").checkedOnce()).isFalse();
    }

    /** As the bulk load of customers does: its rows bring the name keys that V19's triggers would compute. */
    @Test
    void silencesATriggerTheCallerSaysTheRowsLeaveIdle() {
        jdbc.execute("CREATE FUNCTION no_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER computed BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION no_op()");
        jdbc.execute("CREATE TRIGGER audit BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION no_op()");

        assertThat(ForeignKeysCheckedOnce.of(jdbc, "client", java.util.List.of("computed")).checkedOnce()).isFalse();
        assertThat(ForeignKeysCheckedOnce.of(jdbc, "client", java.util.List.of("computed", "audit")).checkedOnce())
                .isTrue();
    }

    /** Whether another session can delete the owner now, waiting for no lock. */
    private boolean deletableByAnotherSession(String owner) {
        SingleConnectionDataSource other = new SingleConnectionDataSource(url, "postgres", "", true);
        other.setAutoCommit(false);
        try {
            JdbcTemplate otherJdbc = new JdbcTemplate(other);
            otherJdbc.execute("SET LOCAL lock_timeout = '200ms'");
            otherJdbc.update("DELETE FROM owner WHERE " + owner);
            return true;
        } catch (DataAccessException e) {
            return false;
        } finally {
            other.destroy();
        }
    }
}
