package org.strata.server.ingest.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.Upsert;
import org.strata.server.sql.WriteCounts;

import java.util.Arrays;
import java.util.List;

/**
 * Batches are first loaded into a connection-private temporary table and then merged into their target with one
 * set-based statement: one round trip per batch instead of one per row, and the customer of each order is
 * resolved by a join rather than a query per row.
 */
@Component
class StagingArea {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    StagingArea(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** @param columns column definitions, "name TYPE" each; the rows give values in the same order */
    void load(String stage, List<String> columns, List<Object[]> rows) {
        dialect.prepareStage(jdbc, stage, columns);
        dialect.insertRows(jdbc, stage, SqlDialect.columnNames(columns), rows);
    }

    /**
     * Creates the staging table of a bulk load (PostgreSQL): it holds the whole file, gets a sequence column
     * {@code seq} first (the record's position, for last-wins folding of repeated keys) and is dropped at the end of
     * the transaction, whether it commits or not.
     */
    void createBulkStage(String stage, List<String> columns) {
        jdbc.execute("CREATE TEMPORARY TABLE " + stage + " (seq BIGINT NOT NULL, " + dialect.stageColumns(columns)
                + ") ON COMMIT DROP");
    }

    /** Appends rows (sequence first, then the values of {@code columns}) to a bulk stage. */
    void appendBulk(String stage, List<String> columns, List<Object[]> rows) {
        List<String> definitions = new java.util.ArrayList<>(columns.size() + 1);
        definitions.add("seq BIGINT");
        definitions.addAll(columns);
        dialect.appendRows(jdbc, stage, definitions, rows);
    }

    /**
     * Keeps only the last staged row of each key (the later row of a file wins over an earlier one with the same
     * key).
     */
    void foldRepeatedKeys(String stage, String keyColumns) {
        jdbc.update("DELETE FROM " + stage + " s USING (SELECT seq, ROW_NUMBER() OVER (PARTITION BY " + keyColumns
                + " ORDER BY seq DESC) AS newer FROM " + stage + ") d WHERE s.seq = d.seq AND d.newer > 1");
    }

    /** Temporary tables are never analysed automatically; without statistics the planner guesses badly. */
    void analyze(String stage) {
        jdbc.execute("ANALYZE " + stage);
    }

    WriteCounts upsert(Upsert upsert) {
        return dialect.upsert(jdbc, upsert);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    SqlDialect dialect() {
        return dialect;
    }

    static List<String> columns(String... definitions) {
        return Arrays.asList(definitions);
    }
}
