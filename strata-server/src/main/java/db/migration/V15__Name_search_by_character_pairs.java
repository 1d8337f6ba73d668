package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * On PostgreSQL, replaces V14's index of the characters of every lower-cased customer name with an index of its
 * characters and its character pairs (bigrams), so that a search of two or more characters looks up the pairs of
 * the text, not only its characters. With characters alone, {@code 4242} narrowed a million generated names
 * {@code 客户<number>} only to the fifth holding both '4' and '2', and the page walked 190,000 rows (1.5 s); its pairs
 * {@code 42} and {@code 24} narrow to 8,404 names, of which the LIKE keeps 299. One-character searches ("张") still
 * look up the character.
 * <p>
 * The keys come from one {@code regexp_replace} that writes every character three times with a separator (U+001F)
 * between the copies: {@code abc} becomes {@code a␟a␟ab␟b␟bc␟c␟c}, and splitting at the separator gives every
 * character ({@code a}, {@code b}, {@code c}) and every pair ({@code ab}, {@code bc}) with no empty elements. Built-in
 * functions only: no extension, and no function of ours called per row. A name holding the separator itself yields
 * empty elements and loses the pairs around it; that is harmless because a text holding the separator breaks up
 * into the same kinds of keys (CustomerTextSearch explains why), and the LIKE decides what matches in any case.
 * <p>
 * {@code COLLATE "C"}: the index compares its keys for sorting while it is built, and under the database's libc
 * collation ({@code C.UTF-8}) each comparison is a {@code strcoll}; byte order made the build 15 % cheaper in CPU at a
 * million customers (NameIndexBench, docs/page-times.md) and changes no answer, as the keys are only ever tested for
 * equality. The collation applies to the keys, not to {@code lower()}, which keeps lower-casing by the database's
 * rules. The price of the pairs: the index is built in about 2.6 times the CPU of V14's (6.7 s against 2.5 s) and is
 * 16 MB instead of 7 MB, paid again by every bulk import of customers.
 * <p>
 * A bulk import rebuilds this index with the other indexes of {@code customers} (SuspendedIndexes reads its
 * definition from the catalogue). A Java migration because the statements are PostgreSQL-only; H2 has no such index.
 */
public class V15__Name_search_by_character_pairs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            statement.execute("DROP INDEX IF EXISTS customers_name_characters_idx");
            // The expression must stay exactly the one CustomerTextSearch writes, or the planner cannot use the index.
            statement.execute("CREATE INDEX customers_name_grams_idx ON customers USING gin"
                    + " ((string_to_array(regexp_replace(lower(name), '.', E'\\\\&\\x1F\\\\&\\x1F\\\\&', 'g')"
                    + " COLLATE \"C\", E'\\x1F')))");
            // The planner learns how many names hold each character and pair only from an ANALYZE after the index
            // exists; without it, it takes "客" (in every generated name) for a rare key and reads every name.
            statement.execute("ANALYZE customers");
        });
    }
}
