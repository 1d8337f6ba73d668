package org.strata.server.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes (unique constraints included) of some PostgreSQL tables, and for some of them the primary key
 * too, dropped for a bulk load and built again before its commit, as {@code pg_restore} and {@code pg_dump}'s scripts
 * do: building an index once over a million rows sorts them once, while maintaining it row by row costs an index
 * descent and a random page write per row. DDL is transactional in PostgreSQL, so a load that fails or is interrupted rolls the drop back with
 * everything else; the indexes are never missing outside the load's transaction.
 * <p>
 * The definitions are read from the catalogue at suspension time, so indexes that migrations add later are restored
 * too without this class knowing them. A primary key that a foreign key references is never dropped: that would drop
 * the foreign keys of other tables with it.
 */
public final class SuspendedIndexes {

    private static final Logger log = LoggerFactory.getLogger(SuspendedIndexes.class);

    private static final String DEFINITIONS = """
            SELECT i.relname, pg_get_indexdef(i.oid), con.conname, pg_get_constraintdef(con.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
                 AND con.contype IN ('p', 'u', 'x')
            WHERE x.indrelid = CAST(? AS regclass)
              AND (NOT x.indisprimary OR (? AND NOT EXISTS (SELECT 1 FROM pg_constraint f
                                                            WHERE f.contype = 'f' AND f.conindid = x.indexrelid)))
            ORDER BY i.relname""";

    private final JdbcTemplate jdbc;
    private final List<Index> indexes;

    private SuspendedIndexes(JdbcTemplate jdbc, List<Index> indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** Drops the secondary indexes of the tables, keeping their primary keys; call inside the loading transaction. */
    public static SuspendedIndexes suspend(JdbcTemplate jdbc, List<String> tables) {
        return suspend(jdbc, tables, List.of());
    }

    /**
     * Drops every index of the tables, primary keys included (unless a foreign key references one): for tables emptied
     * in the same transaction and filled with rows unique by construction (derived figures), where checking each key
     * on insert would buy nothing.
     */
    public static SuspendedIndexes suspendWithPrimaryKeys(JdbcTemplate jdbc, List<String> tables) {
        return suspend(jdbc, tables, tables);
    }

    /**
     * Drops the secondary indexes of the tables; call inside the transaction that loads them.
     *
     * @param primaryKeysToo the tables (among {@code tables}) whose primary key is dropped as well, unless a foreign
     *                       key references it
     */
    public static SuspendedIndexes suspend(JdbcTemplate jdbc, List<String> tables, List<String> primaryKeysToo) {
        List<Index> indexes = definitions(jdbc, tables, primaryKeysToo);
        indexes.forEach(index -> jdbc.execute(index.dropStatement()));
        return new SuspendedIndexes(jdbc, indexes);
    }

    /** The indexes {@link #suspend(JdbcTemplate, List, List)} would drop, as the catalogue defines them now. */
    public static List<Index> definitions(JdbcTemplate jdbc, List<String> tables, List<String> primaryKeysToo) {
        List<Index> indexes = new ArrayList<>();
        for (String table : tables) {
            jdbc.query(DEFINITIONS, rs -> {
                indexes.add(new Index(table, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }, table, primaryKeysToo.contains(table));
        }
        return indexes;
    }

    /**
     * Builds the indexes again, with the memory to sort each in one pass and PostgreSQL's parallel workers (the
     * second core) for the large B-trees, and from PostgreSQL 18 on for GIN indexes too (17 builds GIN in one process).
     *
     * @return how long each index took, in the order built
     */
    public List<Built> restore(String maintenanceMemory) {
        jdbc.execute("SET LOCAL maintenance_work_mem = '" + maintenanceMemory + "'");
        jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 2");
        List<Built> built = new ArrayList<>(indexes.size());
        for (Index index : indexes) {
            long start = System.nanoTime();
            jdbc.execute(index.buildStatement());
            built.add(new Built(index.name(), (System.nanoTime() - start) / 1_000_000));
            log.debug("index {} built in {} ms", index.name(), built.get(built.size() - 1).millis());
        }
        return built;
    }

    /** One index built again, and the wall-clock milliseconds its build took. */
    public record Built(String name, long millis) {
    }

    /** The indexes suspended, for logs and tests. */
    public List<String> names() {
        return indexes.stream().map(Index::name).toList();
    }

    /** An index as the catalogue defines it; a unique or primary key is dropped and added as its constraint. */
    public record Index(String table, String name, String definition, String constraint,
                        String constraintDefinition) {

        public String dropStatement() {
            return constraint != null ? "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint
                    : "DROP INDEX " + name;
        }

        public String buildStatement() {
            return constraint != null
                    ? "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + constraintDefinition
                    : definition;
        }
    }
}
