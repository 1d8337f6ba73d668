package org.strata.server.sql;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

/** H2 (the embedded default): batched INSERTs and MERGE INTO .. USING .. WHEN MATCHED AND changed. */
public final class H2Dialect implements SqlDialect {

    /**
     * Smaller batches than on PostgreSQL: H2 runs in Strata's own heap and holds a transaction's changes there until
     * commit, so a large batch competes with the import for the same memory.
     */
    @Override
    public int importBatchSize() {
        return 5_000;
    }

    @Override
    public boolean recomputesAlongside() {
        return false;
    }

    @Override
    public String inArray(String column, String elementType) {
        // H2 does not use an index for "= ANY (?)" (it filters every row of the other key columns' range); it does
        // for IN over a table function, but evaluates the IN again for each row found: fine for a few values only.
        return column + " IN (SELECT x FROM TABLE(x " + elementType + " = ?))";
    }

    @Override
    public String arrayRows(String elementType) {
        return "TABLE(x " + elementType + " = ?) v";
    }

    @Override
    public void prepareStage(JdbcTemplate jdbc, String stage, List<String> columnDefinitions) {
        // TRANSACTIONAL: without it H2 commits the open transaction on CREATE TABLE, which would split the batch.
        jdbc.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + stageColumns(columnDefinitions)
                + ") TRANSACTIONAL");
        jdbc.execute("DELETE FROM " + stage);
    }

    /** H2 has no column collations; it compares strings by their characters anyway. */
    @Override
    public String stageColumns(List<String> columnDefinitions) {
        return String.join(", ", columnDefinitions);
    }

    @Override
    public void appendRows(JdbcTemplate jdbc, String table, List<String> columnDefinitions, List<Object[]> rows) {
        insertRows(jdbc, table, SqlDialect.columnNames(columnDefinitions), rows);
    }

    @Override
    public void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(insertSql(table, columns), rows);
        }
    }

    @Override
    public long[] insertReturningIds(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        return jdbc.execute((ConnectionCallback<long[]>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertSql(table, columns),
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                long[] ids = new long[rows.size()];
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        ids[i] = keys.getLong(1);
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public WriteCounts upsert(JdbcTemplate jdbc, Upsert upsert) {
        // MERGE reports inserted + updated rows together; the rows whose key already existed tell them apart.
        long staged = jdbc.queryForObject("SELECT COUNT(*) FROM (" + upsert.source() + ") s", Long.class);
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM (" + upsert.source() + ") s JOIN "
                + upsert.table() + " t ON " + upsert.keyJoin("t", "s"), Long.class);
        int written = jdbc.update("MERGE INTO " + upsert.table() + " t USING (" + upsert.source() + ") s ON ("
                + upsert.keyJoin("t", "s") + ") WHEN MATCHED AND (" + upsert.changed("t", "s") + ") THEN UPDATE SET "
                + upsert.assignments("s") + " WHEN NOT MATCHED THEN INSERT (" + upsert.columnList("") + ") VALUES ("
                + upsert.columnList("s.") + ")");
        long inserted = staged - existing;
        long updated = written - inserted;
        return new WriteCounts(inserted, updated, existing - updated);
    }

    private static String insertSql(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    @Override
    public String matchesWhole(String column, String regex) {
        // REGEXP_LIKE finds the pattern anywhere, and $ would also match before a final line break
        return "REGEXP_LIKE(" + column + ", '\\A(?:" + regex.replace("'", "''") + ")\\z')";
    }

    @Override
    public String monthNumber(String timestamp, ZoneId zone) {
        // the zone is a parsed ZoneId, safe to write into the statement
        String local = "(" + timestamp + " AT TIME ZONE '" + zone.getId() + "')";
        return "CAST(EXTRACT(YEAR FROM " + local + ") * 12 + EXTRACT(MONTH FROM " + local + ") - 1 AS INT)";
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE TABLE " + table;
    }

    @Override
    public void preferIndexLookups(JdbcTemplate jdbc) {
        // H2 joins through indexes whenever one fits
    }
}
