package org.strata.server.tiering;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows at once inside the current transaction: with COPY on PostgreSQL (a first run writes a membership
 * and a ledger row per customer, and COPY is several times faster than batched INSERTs), with JDBC batches elsewhere.
 */
@Component
class BulkWriter {

    private static final int BATCH = 2_000;
    private static final int COPY_CHUNK = 50_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    BulkWriter(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Inserts {@code rows} (values in the order of {@code columns}); returns how many. */
    int insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (!isPostgres()) {
            return batch("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)", rows);
        }
        // the transaction's own connection, so the copied rows commit or roll back with the rest of the run
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
            for (int from = 0; from < rows.size(); from += COPY_CHUNK) {
                copy.copyIn(sql, new StringReader(csv(rows.subList(from, Math.min(rows.size(), from + COPY_CHUNK)))));
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Runs {@code sql} once per row, in JDBC batches; returns how many rows. */
    int batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return rows.size();
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, so every text value is quoted. */
    static String csv(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row[i];
                if (value instanceof Timestamp timestamp) {
                    out.append(timestamp.toInstant());
                } else if (value instanceof Number || value instanceof Boolean) {
                    out.append(value);
                } else if (value != null) {
                    out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }
}
