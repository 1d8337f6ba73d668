package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.customer.DatabaseLowerCase;
import org.strata.server.customer.NameKeys;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SuspendedIndexes;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

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
 * The existing rows get their keys computed in Java and written by one UPDATE (see {@link #fillKeys}), before the new
 * index exists. A Java migration because the statements are PostgreSQL-only; H2 has no GIN and searches names as
 * before. It uses NameKeys, DatabaseLowerCase and SuspendedIndexes of the application: NameKeys must equal the SQL
 * function above for as long as the column exists (NameKeysTest), so depending on it here changes nothing.
 */
public class V19__Name_keys_as_integers extends BaseJavaMigration {

    /** {@code (a * 0x110000 + b) mod (2^31 - 1) - (2^31 - 1)} for the characters a and b (NameKeys.pair). */
    private static final String PAIR = "((ascii(p.ch)::bigint * 1114112 + ascii(p.next)) % 2147483647"
            + " - 2147483647)::integer";

    /** Each character of the lower-cased text (l) with the one after it (null for the last). */
    private static final String CHARACTERS_AND_NEXT = "SELECT c.ch, lead(c.ch) OVER (ORDER BY c.i) AS next"
            + " FROM unnest(string_to_array(l, NULL)) WITH ORDINALITY AS c(ch, i)";

    /** Names read, keyed and staged at a time. */
    private static final int CHUNK = 100_000;
    private static final List<String> STAGED = List.of("id BIGINT", "name_keys INTEGER[]");

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
            fillKeys(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
            statement.execute("CREATE INDEX customers_name_keys_idx ON customers USING gin (name_keys)");
            // As after V15: the planner learns how many names hold each key only from an ANALYZE after the index
            // exists; without it, it takes "客" (in every generated name) for a rare key and reads every name.
            statement.execute("ANALYZE customers");
        });
    }

    /**
     * The keys of the names stored so far. Computed in Java where the database lower-cases character by character,
     * staged by binary COPY and written by one UPDATE with the customers' indexes suspended: every updated row is a
     * new row version in every index otherwise. The SQL function per row took 310 s at a million customers on a busy
     * machine (load 17), most of it the function. Elsewhere (ICU collations) the SQL function computes them.
     */
    private static void fillKeys(JdbcTemplate jdbc) {
        Optional<IntUnaryOperator> lowerCase = DatabaseLowerCase.read(jdbc);
        SuspendedIndexes indexes = SuspendedIndexes.suspend(jdbc, List.of("customers"));
        if (lowerCase.isEmpty()) {
            jdbc.update("UPDATE customers SET name_keys = customer_name_keys(name) WHERE name IS NOT NULL");
        } else {
            jdbc.execute("CREATE TEMPORARY TABLE v19_name_keys (" + String.join(", ", STAGED) + ") ON COMMIT DROP");
            PostgresDialect dialect = new PostgresDialect();
            long last = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM customers", Long.class);
            for (long from = jdbc.queryForObject("SELECT COALESCE(MIN(id), 0) FROM customers", Long.class);
                 from <= last; from += CHUNK) {
                List<Object[]> keys = jdbc.query("SELECT id, name FROM customers WHERE id >= ? AND id < ?"
                        + " AND name IS NOT NULL", (rs, n) -> new Object[] {rs.getLong(1),
                        NameKeys.of(rs.getString(2), lowerCase.get())}, from, from + CHUNK);
                dialect.appendRows(jdbc, "v19_name_keys", STAGED, keys);
            }
            jdbc.update("UPDATE customers c SET name_keys = k.name_keys FROM v19_name_keys k WHERE c.id = k.id");
        }
        indexes.restore("256MB");
    }
}
