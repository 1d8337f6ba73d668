package org.strata.server.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.testsupport.Databases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A COPY kept open across batches stores every batch in order, lets other statements run between batches after a
 * pause, and leaves the connection able to roll back when the load gives up in the middle of a COPY.
 */
class OpenCopyTest {

    private static final List<String> COLUMNS = List.of("seq BIGINT NOT NULL", "name VARCHAR(40)",
            "at TIMESTAMP WITH TIME ZONE", "amount NUMERIC(18, 2)");

    private final PostgresDialect dialect = new PostgresDialect();
    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void aTable() {
        connection = new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true);
        jdbc = new JdbcTemplate(connection);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(connection));
        jdbc.execute("CREATE TABLE copied (" + String.join(", ", COLUMNS) + ")");
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void batchesAppendedThroughOneCopyAreStoredInOrderWithQueriesBetweenPauses() {
        long appended = transaction.execute(tx -> {
            jdbc.execute("TRUNCATE copied");
            OpenCopy copy = dialect.copyIntoTruncated(jdbc, "copied", COLUMNS);
            copy.append(rows(0, 3_000));
            copy.append(rows(3_000, 5_000));
            copy.pause();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied", Long.class)).isEqualTo(5_000);
            copy.append(rows(5_000, 5_001));
            copy.append(List.of());
            return copy.finish();
        });

        assertThat(appended).isEqualTo(5_001);
        assertThat(jdbc.queryForList("SELECT seq FROM copied ORDER BY ctid", Long.class))
                .isEqualTo(java.util.stream.LongStream.range(0, 5_001).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT name || ' ' || amount FROM copied WHERE seq = 4321", String.class))
                .isEqualTo("row 4321 43.21");
    }

    @Test
    void anAbandonedCopyRollsBackAndTheConnectionWorksOn() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            jdbc.execute("TRUNCATE copied");
            OpenCopy copy = dialect.copyIntoTruncated(jdbc, "copied", COLUMNS);
            copy.append(rows(0, 1_000));
            copy.abandon();
            throw new IllegalStateException("the file broke off");
        })).hasMessage("the file broke off");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied", Long.class)).isZero();
    }

    @Test
    void aRowThatCannotBeEncodedCancelsTheCopyAndNamesItsColumn() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            jdbc.execute("TRUNCATE copied");
            OpenCopy copy = dialect.copyIntoTruncated(jdbc, "copied", COLUMNS);
            copy.append(rows(0, 10));
            copy.append(List.<Object[]>of(new Object[] {10L, "row 10", "yesterday", null}));
        })).hasMessageContaining("column at (TIMESTAMPTZ) cannot take a String");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied", Long.class)).isZero();
    }

    @Test
    void outsideATransactionTheCopyIsRefused() {
        assertThatThrownBy(() -> dialect.copyIntoTruncated(jdbc, "copied", COLUMNS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a transaction");
    }

    private static List<Object[]> rows(int from, int to) {
        List<Object[]> rows = new ArrayList<>();
        for (long seq = from; seq < to; seq++) {
            rows.add(new Object[] {seq, "row " + seq, OffsetDateTime.parse("2026-03-01T14:05:00+08:00"),
                    BigDecimal.valueOf(seq, 2)});
        }
        return rows;
    }
}
