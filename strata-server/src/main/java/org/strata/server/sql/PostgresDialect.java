package org.strata.server.sql;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: COPY for bulk rows (an order of magnitude faster than batched INSERTs) and
 * INSERT .. ON CONFLICT DO UPDATE .. WHERE changed, whose RETURNING tells inserts from updates.
 */
public final class PostgresDialect implements SqlDialect {

    /** What the driver reads from a COPY's input and sends at once: the database parses one while the next is made. */
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    /** Large batches: each costs a few fixed statements (staging, ANALYZE, lookups) that a bigger batch shares out. */
    @Override
    public int importBatchSize() {
        return 20_000;
    }

    @Override
    public boolean recomputesAlongside() {
        return true;
    }

    @Override
    public String inArray(String column, String elementType) {
        return column + " = ANY (?)";
    }

    @Override
    public String arrayRows(String elementType) {
        return "unnest(CAST(? AS " + elementType + "[])) AS v (x)";
    }

    @Override
    public void prepareStage(JdbcTemplate jdbc, String stage, List<String> columnDefinitions) {
        // ON COMMIT DELETE ROWS empties the table at the end of every transaction, including a rolled back one.
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + stageColumns(columnDefinitions)
                + ") ON COMMIT DELETE ROWS");
    }

    @Override
    public String stageColumns(List<String> columnDefinitions) {
        List<String> byteOrdered = new ArrayList<>(columnDefinitions.size());
        for (String definition : columnDefinitions) {
            String type = definition.substring(definition.indexOf(' ') + 1).toUpperCase(java.util.Locale.ROOT);
            boolean text = type.startsWith("VARCHAR") || type.startsWith("CHAR") || type.startsWith("TEXT");
            byteOrdered.add(text ? definition + " COLLATE \"C\"" : definition);
        }
        return String.join(", ", byteOrdered);
    }

    /** A time as a TIMESTAMP WITH TIME ZONE column stores it: microseconds since 2000-01-01, rounded as the column rounds. */
    public static long storedMicros(OffsetDateTime time) {
        return CopyBinary.microsSincePostgresEpoch(time);
    }

    /** The time {@link #storedMicros} stands for, in UTC. */
    public static OffsetDateTime fromStoredMicros(long micros) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(CopyBinary.POSTGRES_EPOCH_SECONDS
                + Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC);
    }

    @Override
    public void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)",
                        new CopyCsv(rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (table.startsWith("import_stage_")) {
            // Temporary tables are never auto-analysed; without statistics the planner may scan a
            // million-row table instead of probing its index for each staged row.
            jdbc.execute("ANALYZE " + table);
        }
    }

    @Override
    public void appendRows(JdbcTemplate jdbc, String table, List<String> columnDefinitions, List<Object[]> rows) {
        copyBinary(jdbc, table, columnDefinitions, rows, "");
    }

    @Override
    public void appendRowsToTruncated(JdbcTemplate jdbc, String table, List<String> columnDefinitions,
                                      List<Object[]> rows) {
        closeOpenPortals(jdbc);
        copyBinary(jdbc, table, columnDefinitions, rows, ", FREEZE");
    }

    /**
     * As {@link #appendRowsToTruncated}, batch after batch through one COPY that stays open between them (see
     * {@link OpenCopy}); only inside a transaction.
     */
    public OpenCopy copyIntoTruncated(JdbcTemplate jdbc, String table, List<String> columnDefinitions) {
        return copyIntoTruncated(jdbc, table, columnDefinitions, () -> { });
    }

    /** As {@link #copyIntoTruncated(JdbcTemplate, String, List)}, running {@code beforeEachCopy} before each COPY opens. */
    public OpenCopy copyIntoTruncated(JdbcTemplate jdbc, String table, List<String> columnDefinitions,
                                      Runnable beforeEachCopy) {
        return new OpenCopy(jdbc, table, columnDefinitions, ", FREEZE", () -> {
            closeOpenPortals(jdbc);
            beforeEachCopy.run();
        });
    }

    /** As {@link #appendRowsToTruncated}, for rows spilled to a file while another COPY held the connection. */
    public long appendRowsToTruncated(JdbcTemplate jdbc, String table, SpilledRows rows) {
        closeOpenPortals(jdbc);
        return rows.copyInto(jdbc, table, ", FREEZE");
    }

    /** As {@link #appendRows}, for rows spilled to a file while another COPY held the connection. */
    public long appendRows(JdbcTemplate jdbc, String table, SpilledRows rows) {
        return rows.copyInto(jdbc, table, "");
    }

    /**
     * COPY FREEZE refuses to run while a portal of the transaction is open (it holds a snapshot that must not see the
     * frozen rows). The driver closes the portal of a query read with a fetch size only when it sends the next query,
     * and COPY does not count: this statement sends the close first.
     */
    private static void closeOpenPortals(JdbcTemplate jdbc) {
        jdbc.execute("SELECT 1");
    }

    private void copyBinary(JdbcTemplate jdbc, String table, List<String> columnDefinitions, List<Object[]> rows,
                            String options) {
        if (rows.isEmpty()) {
            return;
        }
        CopyBinary binary = new CopyBinary(columnDefinitions, rows);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(binary.copyStatement(table, options), binary,
                        COPY_BUFFER_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public long[] insertReturningIds(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        // Draw the ids from the identity column's own sequence, so rows inserted elsewhere with a default id never
        // collide, then COPY the rows with their ids.
        List<Long> ids = jdbc.queryForList("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
                Long.class, table, rows.size());
        List<Object[]> withIds = new ArrayList<>(rows.size());
        long[] result = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Object[] copy = new Object[row.length + 1];
            copy[0] = ids.get(i);
            System.arraycopy(row, 0, copy, 1, row.length);
            withIds.add(copy);
            result[i] = ids.get(i);
        }
        List<String> allColumns = new ArrayList<>(columns.size() + 1);
        allColumns.add("id");
        allColumns.addAll(columns);
        insertRows(jdbc, table, allColumns, withIds);
        return result;
    }

    @Override
    public WriteCounts upsert(JdbcTemplate jdbc, Upsert upsert) {
        // One statement: the source is evaluated once (its join to the identifiers included) and only three counts
        // come back instead of one row per written row.
        String sql = "WITH s AS MATERIALIZED (" + upsert.source() + "), written AS ("
                + "INSERT INTO " + upsert.table() + " AS t (" + upsert.columnList("") + ") "
                + "SELECT * FROM s "
                + "ON CONFLICT (" + String.join(", ", upsert.keys()) + ") DO UPDATE SET "
                + upsert.assignments("EXCLUDED") + " WHERE " + upsert.changed("t", "EXCLUDED")
                // xmax is 0 on a freshly inserted row version and the locking transaction's id on an updated one.
                + " RETURNING (xmax = 0) AS inserted) "
                + "SELECT (SELECT COUNT(*) FROM s), COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted)"
                + " FROM written";
        return jdbc.queryForObject(sql, (rs, row) -> {
            long staged = rs.getLong(1);
            long inserted = rs.getLong(2);
            long updated = rs.getLong(3);
            return new WriteCounts(inserted, updated, staged - inserted - updated);
        });
    }

    @Override
    public String matchesWhole(String column, String regex) {
        // outside newline-sensitive mode ^ and $ match only at the ends of the string
        return "(" + column + " ~ '^(?:" + regex.replace("'", "''") + ")$')";
    }

    @Override
    public String monthNumber(String timestamp, ZoneId zone) {
        // EXTRACT returns numeric since PostgreSQL 14; date_part's double precision is exact for whole numbers and
        // about twice as cheap per row. The zone is a parsed ZoneId, safe to write into the statement.
        String local = "(" + timestamp + " AT TIME ZONE '" + zone.getId() + "')";
        return "CAST(date_part('year', " + local + ") * 12 + date_part('month', " + local + ") - 1 AS INT)";
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE " + table;
    }

    @Override
    public void preferIndexLookups(JdbcTemplate jdbc) {
        jdbc.execute("SET LOCAL enable_hashjoin = off");
        jdbc.execute("SET LOCAL enable_mergejoin = off");
    }
}
