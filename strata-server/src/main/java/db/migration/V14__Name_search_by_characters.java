package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * On PostgreSQL, an inverted (GIN) index of the characters of every lower-cased customer name, so that the customer
 * search "name contains 张" or "张伟" reads the few customers holding those characters instead of every name.
 * <p>
 * Why characters and not pg_trgm's trigrams: Chinese users mostly type one or two characters (a surname, a given
 * name), for which a trigram index has nothing to look up and PostgreSQL reads the whole index. Why not bigrams as
 * well: on a million Chinese names an index of characters and character pairs took 3.5 times as long to build
 * (39 s against 11 s at load 10, 19 MB against 7 MB) and answered one- and two-character searches no faster
 * (docs/page-times.md); index build time is import time (SuspendedIndexes rebuilds it after every bulk load).
 * <p>
 * The index needs nothing but core PostgreSQL (string_to_array, lower, GIN over text[]). The search keeps its LIKE
 * condition, so the index only narrows the candidates and never changes what matches; where the index is missing
 * (H2, or PostgreSQL while a bulk load has it suspended) the same search is answered by reading the names.
 * A Java migration because the statement is PostgreSQL-only and the migration set is shared.
 */
public class V14__Name_search_by_characters extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            // The expression must stay exactly the one CustomerNameSearch writes, or the planner cannot use the index.
            statement.execute("CREATE INDEX customers_name_characters_idx ON customers"
                    + " USING gin ((string_to_array(lower(name), NULL)))");
            // Statistics of the indexed expression (how many names hold each character) are gathered only by an
            // ANALYZE after the index exists; without them the planner takes every character for a rare one and
            // reads a million names through the index for "客" instead of walking the sort index for one page.
            statement.execute("ANALYZE customers");
        });
    }
}
