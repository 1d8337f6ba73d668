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
        dialect.prepareStage(jdbc, stage, String.join(", ", columns));
        dialect.insertRows(jdbc, stage, columns.stream().map(c -> c.substring(0, c.indexOf(' '))).toList(), rows);
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
