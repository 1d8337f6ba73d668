package org.strata.server.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A large INSERT into a PostgreSQL table whose foreign keys are checked once for all the inserted rows instead of by
 * a trigger per row and key. PostgreSQL checks a foreign key by running a query per inserted row (a probe of the
 * referenced key that also locks the referenced row FOR KEY SHARE); for a million customers with an owner that is
 * about three fifths of the insert. Here the insert runs with {@code session_replication_role = replica}, which
 * leaves the foreign keys' triggers out; then one pass over the inserted rows collects their distinct references,
 * and per foreign key one statement locks every referenced row FOR KEY SHARE, as the triggers would have, and one
 * anti-join looks for a reference without its row, as {@code ALTER TABLE .. VALIDATE CONSTRAINT} would. A missing row
 * fails the load, whose transaction then leaves nothing behind.
 * <p>
 * Why not drop the foreign keys and add them again, as {@link SuspendedIndexes} does with indexes: dropping a foreign
 * key takes an ACCESS EXCLUSIVE lock on the table it references (its triggers live there), and for the customers'
 * owners and teams that would block every sign-in and every API request (they read {@code users}) until the load
 * commits. Skipping the triggers takes no table lock at all; the row locks are the triggers' own.
 * <p>
 * Only where it is safe: the connected role must be allowed to set {@code session_replication_role} (a superuser, or
 * a role granted {@code SET} on it, PostgreSQL 15 and later), every trigger of the table must be a foreign key's
 * (the setting silences every other trigger and rule too, and would wake up triggers enabled for replicas only), and
 * every foreign key must match simple. Otherwise the insert runs as it is and the triggers check row by row.
 */
public final class ForeignKeysCheckedOnce {

    private static final Logger log = LoggerFactory.getLogger(ForeignKeysCheckedOnce.class);

    private static final String FOREIGN_KEYS = """
            SELECT con.conname, CAST(CAST(con.confrelid AS regclass) AS text), con.confmatchtype,
                   ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.i),
                   ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i)
            FROM pg_constraint con
            WHERE con.contype = 'f' AND con.conrelid = CAST(? AS regclass)
            ORDER BY con.conname""";

    /** Whether the table has a trigger that is not a foreign key's, or a rule: the replica role would silence it. */
    private static final String OTHER_TRIGGERS_OR_RULES = """
            SELECT EXISTS (SELECT 1 FROM pg_trigger t LEFT JOIN pg_constraint con ON con.oid = t.tgconstraint
                           WHERE t.tgrelid = CAST(? AS regclass) AND (con.contype IS NULL OR con.contype <> 'f')
                                 AND t.tgname <> ALL (?))
                OR (SELECT c.relhasrules FROM pg_class c WHERE c.oid = CAST(? AS regclass))""";

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<ForeignKey> keys;
    private final boolean checkedOnce;
    /** The role's setting while the triggers are left out, null otherwise. */
    private String roleBefore;

    private ForeignKeysCheckedOnce(JdbcTemplate jdbc, String table, List<ForeignKey> keys, boolean checkedOnce) {
        this.jdbc = jdbc;
        this.table = table;
        this.keys = keys;
        this.checkedOnce = checkedOnce;
    }

    /** Reads the table's foreign keys and whether they can be checked once here; call inside the loading transaction. */
    public static ForeignKeysCheckedOnce of(JdbcTemplate jdbc, String table) {
        return of(jdbc, table, List.of());
    }

    /**
     * As {@link #of(JdbcTemplate, String)}, for an insert whose rows leave the named triggers of the table nothing
     * to do (e.g. they bring the values a trigger would compute), so that silencing them changes nothing.
     */
    public static ForeignKeysCheckedOnce of(JdbcTemplate jdbc, String table, List<String> idleTriggers) {
        List<ForeignKey> keys = jdbc.query(FOREIGN_KEYS, (rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2),
                "s".equals(rs.getString(3)), strings(rs, 4), strings(rs, 5)), table);
        boolean checkedOnce = !keys.isEmpty() && keys.stream().allMatch(ForeignKey::matchesSimple)
                && mayLeaveTriggersOut(jdbc)
                && !jdbc.queryForObject(OTHER_TRIGGERS_OR_RULES, Boolean.class, table,
                        idleTriggers.toArray(String[]::new), table);
        return new ForeignKeysCheckedOnce(jdbc, table, keys, checkedOnce);
    }

    /** Whether the connected role may set session_replication_role (a superuser's setting). */
    private static boolean mayLeaveTriggersOut(JdbcTemplate jdbc) {
        int version = jdbc.queryForObject("SELECT CAST(current_setting('server_version_num') AS int)", Integer.class);
        return version >= 150000
                ? jdbc.queryForObject("SELECT has_parameter_privilege('session_replication_role', 'SET')",
                        Boolean.class)
                : jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class);
    }

    /** Whether the inserts skip the per-row triggers (else they run as they are); for logs and tests. */
    public boolean checkedOnce() {
        return checkedOnce;
    }

    /** The foreign keys checked, by name. */
    public List<String> names() {
        return keys.stream().map(ForeignKey::name).toList();
    }

    /**
     * Runs an INSERT into the table and returns its row count; then checks the foreign keys of the rows it inserted.
     *
     * @param insert       the INSERT statement, run by the caller
     * @param insertedRows a condition on the table's columns that selects exactly the rows the insert adds (e.g. a
     *                     range of new ids), so that the checks read those rows only
     */
    public long insert(LongSupplier insert, String insertedRows) {
        long rows = withoutTriggers(insert);
        check(insertedRows, rows);
        return rows;
    }

    /**
     * Runs statements that write the table with its foreign keys' triggers left out, where {@link #checkedOnce()}
     * (else as they are); the caller then {@link #check checks} every row they wrote. A load that writes the table in
     * several statements (a COPY per batch) leaves the triggers out of each and checks once at the end. Also for a
     * DELETE of rows that nothing can reference yet (rows this same load wrote, before it linked anything to them),
     * which would otherwise look for references row by row in every referencing table.
     */
    public long withoutTriggers(LongSupplier statements) {
        leaveTriggersOut();
        long rows = statements.getAsLong();
        // Not in a finally block: after a failed insert the transaction is aborted and rolls back, setting included,
        // and a SET would only hide the insert's error behind "current transaction is aborted".
        putTriggersBack();
        return rows;
    }

    /**
     * As {@link #withoutTriggers}, for a statement that spans calls (a COPY kept open across batches): the triggers
     * stay out from here until {@link #putTriggersBack()}, which must come before any statement that writes another
     * table (the setting is the session's).
     */
    public void leaveTriggersOut() {
        if (!checkedOnce || roleBefore != null) {
            return;
        }
        roleBefore = jdbc.queryForObject("SELECT current_setting('session_replication_role')", String.class);
        jdbc.execute("SET LOCAL session_replication_role = replica");
    }

    /** Puts the triggers back after {@link #leaveTriggersOut()}; nothing to do when they were not left out. */
    public void putTriggersBack() {
        if (roleBefore == null) {
            return;
        }
        jdbc.execute("SET LOCAL session_replication_role = " + roleBefore);
        roleBefore = null;
    }

    /**
     * Checks the foreign keys of the rows written {@link #withoutTriggers without their triggers}, as the triggers
     * would have; nothing to do when the triggers ran.
     *
     * @param insertedRows a condition on the table's columns that selects exactly the rows written, so that the
     *                     checks read those rows only
     * @param rows         how many rows that is, for the log
     */
    public void check(String insertedRows, long rows) {
        if (!checkedOnce) {
            return;
        }
        long start = System.nanoTime();
        // One pass over the inserted rows collects the distinct references of every key; the locks and checks then
        // read that (a few hundred owners and teams at a million customers) instead of the million rows, once per key.
        jdbc.execute("CREATE TEMPORARY TABLE " + references() + " ON COMMIT DROP AS SELECT DISTINCT "
                + String.join(", ", referencingColumns()) + " FROM " + table + " WHERE " + insertedRows);
        checkCollected(rows, start);
    }

    /**
     * As {@link #check}, when the writer knows the distinct values its rows hold in each referencing column (a load
     * that looked its owners and teams up itself): the rows need not be read again to collect them.
     *
     * @param valuesByColumn every referencing column of a single-column foreign key, with the distinct values the
     *                       written rows hold in it (none when they hold only NULL)
     */
    public void checkReferences(Map<String, ? extends Collection<Long>> valuesByColumn, long rows) {
        Set<String> columns = new TreeSet<>(referencingColumns());
        if (!columns.equals(new TreeSet<>(valuesByColumn.keySet()))
                || keys.stream().anyMatch(key -> key.columns().size() != 1)) {
            throw new IllegalArgumentException("the references of " + table + " given by " + valuesByColumn.keySet()
                    + ", its foreign keys are over " + keys.stream().map(ForeignKey::columns).toList());
        }
        if (!checkedOnce) {
            return;
        }
        long start = System.nanoTime();
        jdbc.execute("CREATE TEMPORARY TABLE " + references() + " ON COMMIT DROP AS SELECT "
                + String.join(", ", columns) + " FROM " + table + " WHERE FALSE");
        valuesByColumn.forEach((column, values) -> {
            if (!values.isEmpty()) {
                jdbc.update("INSERT INTO " + references() + " (" + column + ") SELECT unnest(CAST(? AS bigint[]))",
                        new SqlArrayValue("bigint", values.toArray()));
            }
        });
        checkCollected(rows, start);
    }

    /**
     * As {@link #check}, without locking the referenced rows, for rows of a table this transaction emptied with
     * TRUNCATE, which holds the table exclusively until the commit. Deleting a referenced row, or changing its key,
     * must first look into this table for rows that reference it: a deletion after the TRUNCATE waits for the commit
     * and then finds the new rows, as the triggers' row locks would have made it do, and one before it was over
     * before the rows were written (its look held a lock the TRUNCATE waited for). So one anti-join per key, looking
     * for a reference without its row, is the whole check; the triggers would have locked, and so written again,
     * every referenced row.
     *
     * @param insertedRows as for {@link #check}
     */
    public void checkRowsOfEmptiedTable(String insertedRows, long rows) {
        if (!checkedOnce) {
            return;
        }
        long start = System.nanoTime();
        for (ForeignKey key : keys) {
            key.requirePresent(jdbc, table, "(SELECT * FROM " + table + " WHERE " + insertedRows + ")");
        }
        log.debug("{} foreign keys of {} new rows of emptied {} checked at once in {} ms", keys.size(),
                rows, table, (System.nanoTime() - start) / 1_000_000);
    }

    private String references() {
        return "strata_references_of_" + table;
    }

    private List<String> referencingColumns() {
        return keys.stream().flatMap(k -> k.columns().stream()).distinct().toList();
    }

    /** Locks and checks the references collected in {@link #references()}, and drops them. */
    private void checkCollected(long rows, long start) {
        for (ForeignKey key : keys) {
            key.check(jdbc, table, references());
        }
        jdbc.execute("DROP TABLE " + references());
        log.debug("{} foreign keys of {} new rows of {} checked at once in {} ms", keys.size(), rows, table,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return Arrays.asList((String[]) array.getArray());
    }

    private record ForeignKey(String name, String referenced, boolean matchesSimple, List<String> columns,
                              List<String> referencedColumns) {

        /**
         * Locks every row the inserted rows reference (their distinct references are in the table named), as the
         * per-row triggers would (FOR KEY SHARE: nobody can delete it or change its key until the load commits), then
         * looks for a reference whose row is missing. Locking first: a row deleted meanwhile is then missing for good,
         * not only at the time of the check.
         */
        void check(JdbcTemplate jdbc, String table, String references) {
            jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM " + referenced + " p WHERE ("
                    + prefixed("p.", referencedColumns) + ") IN (SELECT " + prefixed("t.", columns) + " FROM "
                    + references + " t) FOR KEY SHARE OF p) locked", Long.class);
            requirePresent(jdbc, table, references);
        }

        /** Fails when a row of {@code source} (a table or a subquery) references a row that is missing. */
        void requirePresent(JdbcTemplate jdbc, String table, String source) {
            String referencing = prefixed("t.", columns);
            List<String> missing = jdbc.query("SELECT " + referencing + " FROM " + source + " t WHERE "
                    + columns.stream().map(c -> "t." + c + " IS NOT NULL").collect(Collectors.joining(" AND "))
                    + " AND NOT EXISTS (SELECT 1 FROM " + referenced + " p WHERE " + IntStream.range(0, columns.size())
                    .mapToObj(i -> "p." + referencedColumns.get(i) + " = t." + columns.get(i))
                    .collect(Collectors.joining(" AND ")) + ") LIMIT 1", (rs, n) -> values(rs, columns.size()));
            if (!missing.isEmpty()) {
                // PostgreSQL's own words for the same failure, so that it reads alike whichever way it was found
                throw new DataIntegrityViolationException("insert or update on table \"" + table
                        + "\" violates foreign key constraint \"" + name + "\": Key (" + String.join(", ", columns)
                        + ")=(" + missing.get(0) + ") is not present in table \"" + referenced + "\".");
            }
        }

        private static String prefixed(String prefix, List<String> columns) {
            return columns.stream().map(c -> prefix + c).collect(Collectors.joining(", "));
        }

        private static String values(ResultSet rs, int count) throws SQLException {
            List<String> values = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                values.add(rs.getString(i));
            }
            return String.join(", ", values);
        }
    }
}
