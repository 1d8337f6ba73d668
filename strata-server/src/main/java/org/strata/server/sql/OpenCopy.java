package org.strata.server.sql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.List;

/**
 * One binary COPY into a table kept open across the batches of a bulk load ({@link PostgresDialect#copyIntoTruncated}).
 * A COPY per batch made the two sides take turns: the database sat idle while the next batch was prepared, and the
 * loader sat idle at the end of each COPY while the database stored the last rows sent (about 8 s of a load of the 1M
 * yardstick's orders, against 5 s on the CPU; docs/import-performance.md, "Round 8"). Kept open,
 * the database stores rows while the next ones are made, and the loader only waits when the socket is full.
 * <p>
 * The connection can run nothing else while a COPY is open: {@link #pause()} ends it before other statements (the
 * next {@link #append} opens another). It must be used inside a transaction, which keeps the connection bound to the
 * thread between batches; {@link #abandon()} cancels an open COPY when the load fails, so the transaction can roll
 * back.
 */
public final class OpenCopy {

    /** Bytes handed to the driver at once: each becomes one CopyData message. */
    private static final int SEND_BYTES = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final String statement;
    private final BinaryRows encoder;
    private final Runnable beforeEachStatement;
    private CopyIn open;
    private long rows;

    OpenCopy(JdbcTemplate jdbc, String table, List<String> columnDefinitions, String options,
             Runnable beforeEachStatement) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a COPY kept open across batches needs a transaction: without one the"
                    + " connection would go back to the pool in the middle of the COPY");
        }
        this.jdbc = jdbc;
        this.encoder = new BinaryRows(columnDefinitions);
        this.statement = encoder.copyStatement(table, options);
        this.beforeEachStatement = beforeEachStatement;
    }

    /** Sends the rows (each as {@link SqlDialect#appendRows} takes them), opening a COPY when none is open. */
    public void append(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (open == null) {
            beforeEachStatement.run();
            open = jdbc.execute((ConnectionCallback<CopyIn>) connection ->
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement));
            encoder.putHeader();
        }
        try {
            for (Object[] row : batch) {
                encoder.putRow(row);
                if (encoder.length() >= SEND_BYTES) {
                    send();
                }
            }
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        send();
        rows += batch.size();
    }

    /** Ends the open COPY, if any, so that the connection can run other statements. */
    public void pause() {
        if (open == null) {
            return;
        }
        encoder.putTrailer();
        send();
        CopyIn ending = open;
        open = null;
        try {
            ending.endCopy();
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    /** Ends the open COPY and tells how many rows were appended in all. */
    public long finish() {
        pause();
        return rows;
    }

    /** Cancels the open COPY, if any, without storing its rows: the load failed and its transaction rolls back. */
    public void abandon() {
        CopyIn cancelled = open;
        open = null;
        encoder.clear();
        if (cancelled != null && cancelled.isActive()) {
            try {
                cancelled.cancelCopy();
            } catch (SQLException e) {
                // The load failed already; the rollback that follows reports what is wrong with the connection.
            }
        }
    }

    private void send() {
        if (encoder.length() == 0) {
            return;
        }
        try {
            open.writeToCopy(encoder.bytes(), 0, encoder.length());
        } catch (SQLException e) {
            abandon();
            throw translated(e);
        }
        encoder.clear();
    }

    private DataAccessException translated(SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY", statement, e);
        return translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("COPY",
                statement, e);
    }
}
