package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * On PostgreSQL the maintained quality figures (V51) become UNLOGGED tables: their rows, their indexes and every
 * rebuild's DELETE, INSERT and index build write no write-ahead log. They are derived from the base tables and
 * rebuilt after every bulk load (a million customers' rows each time), and the log cost as much as the rows: after
 * an orders file the rebuild's DELETE wrote 210 MB of WAL and its INSERT 183 MB (docs/import-performance.md, "Round 7:
 * quality rebuilds").
 * <p>
 * Why it stays right: after a crash PostgreSQL empties every unlogged table. {@code quality_built} is one of them, so
 * a crash leaves the figures "not built", exactly like a rebuild cut short: the report reads the base tables, the
 * start-up rebuilds the figures ({@code QualityFigures.buildIfNeverBuilt}), and a rebuild after a bulk load rebuilds
 * everything. The tables must therefore be emptied together: all of them are unlogged. {@code quality_refresh_lock}
 * stays logged, since its one row is what refreshes and rebuilds lock. (Unlogged tables cannot be read on a hot
 * standby: the quality report must be asked of the primary.)
 * <p>
 * A Java migration because H2 has no unlogged tables (it keeps V51's).
 */
public class V56__Quality_figures_unlogged extends BaseJavaMigration {

    /** Every table derived from the base tables, including the mark that they are built. */
    private static final String[] DERIVED = {"quality_contributions", "quality_findings", "quality_figures",
            "quality_refresh_set", "quality_built"};

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            for (String table : DERIVED) {
                statement.execute("ALTER TABLE " + table + " SET UNLOGGED");
            }
        });
    }
}
