package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * On PostgreSQL, V4's indexes of {@code updated_at} become block-range (BRIN) indexes: for each range of 32 table
 * pages they keep the oldest and newest {@code updated_at}, so the only question asked of them, "which rows changed
 * since this import began" ({@code updated_at >= :since}, ImportAftermath and QualityFigures), reads the ranges whose
 * newest stamp is that recent and skips the rest. A B-tree of 3.1 million order stamps cost a sort at every bulk load
 * of orders (1.1 s of the 9.8 s of index building, docs/import-performance.md "Round 6: index builds"); a block-range
 * index is built in one pass over the table without sorting, and is a few pages large.
 * <p>
 * Why it stays fast: an import stamps the rows it writes with the time it writes them, and a row written after
 * {@code :since} lies either in the pages appended at the end of the table or in an older page that had room; only
 * those pages' ranges (32 pages, 256 kB each) are read. A range's newest stamp only grows, so ranges written by
 * earlier imports are skipped by later questions. In the worst case (every range touched since) the question reads the
 * table, as it would have without an index. Ranges appended since the last summary are always read; autovacuum
 * summarises them.
 * <p>
 * A Java migration because BRIN is PostgreSQL's; H2 keeps V4's B-trees.
 */
public class V17__Changed_since_by_block_ranges extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            for (String table : new String[] {"customers", "orders"}) {
                statement.execute("DROP INDEX " + table + "_updated_at_idx");
                statement.execute("CREATE INDEX " + table + "_updated_at_idx ON " + table
                        + " USING brin (updated_at) WITH (pages_per_range = 32, autosummarize = on)");
            }
        });
    }
}
