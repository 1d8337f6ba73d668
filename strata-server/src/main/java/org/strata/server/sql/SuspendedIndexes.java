package org.strata.server.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes (unique constraints included; primary keys on request) of some PostgreSQL tables, dropped
 * for a bulk load and built again before its commit, as {@code pg_restore} and {@code pg_dump}'s scripts do: building
 * an index once over a million rows sorts them once, while maintaining it row by row costs an index descent and a
 * random page write per row. DDL is transactional in PostgreSQL, so a load that fails or is interrupted rolls the
 * drop back with everything else; the indexes are never missing outside the load's transaction.
 * <p>
 * The definitions are read from the catalogue at suspension time, so indexes that migrations add later are restored
 * too without this class knowing them.
 */
public final class SuspendedIndexes {

    private static final String DEFINITIONS = """
            SELECT i.relname, pg_get_indexdef(i.oid), con.conname, pg_get_constraintdef(con.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
            WHERE x.indrelid = CAST(? AS regclass) AND (? OR NOT x.indisprimary)
            ORDER BY i.relname""";

    private final JdbcTemplate jdbc;
    private final List<Index> indexes;

    private SuspendedIndexes(JdbcTemplate jdbc, List<Index> indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** Drops the secondary indexes of the tables; call inside the transaction that loads them. */
    public static SuspendedIndexes suspend(JdbcTemplate jdbc, List<String> tables) {
        return suspend(jdbc, tables, false);
    }

    /**
     * Drops every index of the tables, primary keys included: for tables emptied in the same transaction and filled
     * with rows unique by construction (derived figures), where checking each key on insert would buy nothing.
     */
    public static SuspendedIndexes suspendWithPrimaryKeys(JdbcTemplate jdbc, List<String> tables) {
        return suspend(jdbc, tables, true);
    }

    private static SuspendedIndexes suspend(JdbcTemplate jdbc, List<String> tables, boolean primaryKeys) {
        List<Index> indexes = new ArrayList<>();
        for (String table : tables) {
            jdbc.query(DEFINITIONS, rs -> {
                indexes.add(new Index(table, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }, table, primaryKeys);
        }
        for (Index index : indexes) {
            jdbc.execute(index.constraint() != null
                    ? "ALTER TABLE " + index.table() + " DROP CONSTRAINT " + index.constraint()
                    : "DROP INDEX " + index.name());
        }
        return new SuspendedIndexes(jdbc, indexes);
    }

    /**
     * Builds the indexes again, with the memory to sort each in one pass and PostgreSQL's parallel workers (the
     * second core) for the large ones; then refreshes the planner's statistics of the loaded tables.
     */
    public void restore(String maintenanceMemory) {
        jdbc.execute("SET LOCAL maintenance_work_mem = '" + maintenanceMemory + "'");
        jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 2");
        for (Index index : indexes) {
            jdbc.execute(index.constraint() != null
                    ? "ALTER TABLE " + index.table() + " ADD CONSTRAINT " + index.constraint() + " "
                    + index.constraintDefinition()
                    : index.definition());
        }
    }

    /** The indexes suspended, for logs and tests. */
    public List<String> names() {
        return indexes.stream().map(Index::name).toList();
    }

    private record Index(String table, String name, String definition, String constraint,
                         String constraintDefinition) {
    }
}
