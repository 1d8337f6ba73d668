package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * On PostgreSQL, replaces V15's name search index, a GIN over texts computed from every name by a regular expression,
 * with a GIN over a stored column of integers: {@code customers.name_keys}, the same characters and character pairs
 * of the lower-cased name as numbers. A bulk import of customers rebuilds the index; at a million customers V15's took
 * 4.0–4.7 s (the regular expression per row and the text comparisons of the sort), a GIN over stored integers about a
 * third of that (NameIndexBench, docs/import-performance.md "Round 8").
 * <p>
 * The keys of a name ({@code customer_name_keys(name)}): every character of {@code lower(name)} as its code point, and
 * every pair of neighbours (a, b) as the negative number {@code (a * 0x110000 + b) mod (2^31 - 1) - (2^31 - 1)}, sorted
 * and without repeats. Pairs do not fit 31 bits, so two pairs may share a number; that only lets a few more names past
 * the index, as the LIKE after it decides what matches (CustomerTextSearch). Four-byte integers rather than exact
 * eight-byte ones keep the column (about a dozen keys per name) half as wide in every row of {@code customers}.
 * <p>
 * Who writes the column: the bulk import computes the keys in Java while staging ({@code customer.NameKeys}, which
 * repeats this function exactly) and writes them with the rows; every other writer (the batch import, the demo, an
 * erasure, a test's or a user's own SQL) leaves them to the triggers below, which compute them when a row is inserted
 * without keys or its name changes without its keys. The triggers call SQL per row (about 30 µs): fine for a batch,
 * too slow for a million rows in one session, which is why the bulk path brings its own.
 * <p>
 * The existing rows get their keys in one UPDATE (about half a minute at a million customers), before the new index
 * exists. A Java migration because the statements are PostgreSQL-only; H2 has no GIN and searches names as before.
 */
public class V19__Name_keys_as_integers extends BaseJavaMigration {

    /** {@code (a * 0x110000 + b) mod (2^31 - 1) - (2^31 - 1)} for the characters a and b (NameKeys.pair). */
    private static final String PAIR = "((ascii(p.ch)::bigint * 1114112 + ascii(p.next)) % 2147483647"
            + " - 2147483647)::integer";

    /** Each character of the lower-cased text (l) with the one after it (null for the last). */
    private static final String CHARACTERS_AND_NEXT = "SELECT c.ch, lead(c.ch) OVER (ORDER BY c.i) AS next"
            + " FROM unnest(string_to_array(l, NULL)) WITH ORDINALITY AS c(ch, i)";

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            statement.execute("ALTER TABLE customers ADD COLUMN name_keys integer[]");
            statement.execute("""
                    CREATE FUNCTION customer_name_keys(name text) RETURNS integer[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT ARRAY(SELECT DISTINCT k.key
                                 FROM (%s) p,
                                      LATERAL (VALUES (ascii(p.ch)),
                                                      (CASE WHEN p.next IS NOT NULL THEN %s END)) AS k(key)
                                 WHERE k.key IS NOT NULL
                                 ORDER BY k.key)
                    FROM (SELECT lower(name) AS l) lowered
                    $$""".formatted(CHARACTERS_AND_NEXT, PAIR));
            // The keys every name containing the text holds: its pairs, or its one character. Fewer keys than the
            // name's own (no single characters when there are pairs): each key is one more posting list to read.
            statement.execute("""
                    CREATE FUNCTION customer_search_keys(text text) RETURNS integer[]
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT CASE WHEN length(l) = 1 THEN ARRAY[ascii(l)]
                                ELSE ARRAY(SELECT DISTINCT %s FROM (%s) p WHERE p.next IS NOT NULL ORDER BY 1) END
                    FROM (SELECT lower(text) AS l) lowered
                    $$""".formatted(PAIR, CHARACTERS_AND_NEXT));
            statement.execute("""
                    CREATE FUNCTION customers_name_keys_computed() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.name_keys := customer_name_keys(NEW.name);
                        RETURN NEW;
                    END
                    $$""");
            // The conditions are tested without calling the function, so that rows that bring their keys (a bulk
            // load) pay almost nothing. A bulk load that silences triggers (session_replication_role) brings them.
            statement.execute("CREATE TRIGGER customers_name_keys_on_insert BEFORE INSERT ON customers FOR EACH ROW"
                    + " WHEN (NEW.name_keys IS NULL AND NEW.name IS NOT NULL)"
                    + " EXECUTE FUNCTION customers_name_keys_computed()");
            statement.execute("CREATE TRIGGER customers_name_keys_on_update BEFORE UPDATE OF name ON customers"
                    + " FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name"
                    + " AND NEW.name_keys IS NOT DISTINCT FROM OLD.name_keys)"
                    + " EXECUTE FUNCTION customers_name_keys_computed()");
            statement.execute("DROP INDEX IF EXISTS customers_name_grams_idx");
            statement.execute("UPDATE customers SET name_keys = customer_name_keys(name) WHERE name IS NOT NULL");
            statement.execute("CREATE INDEX customers_name_keys_idx ON customers USING gin (name_keys)");
            // As after V15: the planner learns how many names hold each key only from an ANALYZE after the index
            // exists; without it, it takes "客" (in every generated name) for a rare key and reads every name.
            statement.execute("ANALYZE customers");
        });
    }
}
