package org.strata.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes a bulk load suspends, read from the catalogue as SuspendedIndexes reads them, for IndexBuildBench to
 * drop and build one at a time and to tell how many parallel workers PostgreSQL launched for each build.
 */
final class IndexDefinitions {

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

    /** trace_sort's line for each participant of a parallel sort; the leader takes part as one more "worker". */
    private static final Pattern SORT_PARTICIPANT = Pattern.compile("performsort of worker (\\d+) starting");

    record Index(String table, String name, String definition, String constraint, String constraintDefinition) {
        String dropStatement() {
            return constraint != null ? "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint
                    : "DROP INDEX " + name;
        }

        String buildStatement() {
            return constraint != null
                    ? "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " " + constraintDefinition
                    : definition;
        }
    }

    private final JdbcTemplate jdbc;
    private final List<Index> indexes;
    private int workersLaunched;

    private IndexDefinitions(JdbcTemplate jdbc, List<Index> indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    static IndexDefinitions of(JdbcTemplate jdbc, List<String> tables, List<String> primaryKeysToo) {
        List<Index> indexes = new ArrayList<>();
        for (String table : tables) {
            jdbc.query(DEFINITIONS, rs -> {
                indexes.add(new Index(table, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }, table, primaryKeysToo.contains(table));
        }
        return new IndexDefinitions(jdbc, indexes);
    }

    IndexDefinitions only(String name) {
        return new IndexDefinitions(jdbc, indexes.stream().filter(i -> i.name().equals(name)).toList());
    }

    List<String> names() {
        return indexes.stream().map(Index::name).toList();
    }

    List<Index> indexes() {
        return indexes;
    }

    void drop() {
        indexes.forEach(index -> jdbc.execute(index.dropStatement()));
    }

    /** Builds the indexes in order, counting the parallel workers launched (trace_sort's lines, sent as notices). */
    void build() {
        jdbc.execute("SET LOCAL trace_sort = on");
        jdbc.execute("SET LOCAL client_min_messages = log");
        workersLaunched = 0;
        for (Index index : indexes) {
            workersLaunched = Math.max(workersLaunched, jdbc.execute((Statement statement) -> {
                statement.execute(index.buildStatement());
                Set<String> participants = new HashSet<>();
                for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                    Matcher m = SORT_PARTICIPANT.matcher(w.getMessage());
                    if (m.find()) {
                        participants.add(m.group(1));
                    }
                }
                // a serial sort has no participants; a parallel one counts the leader among them
                return Math.max(0, participants.size() - 1);
            }));
        }
        jdbc.execute("SET LOCAL client_min_messages = notice");
        jdbc.execute("SET LOCAL trace_sort = off");
    }

    int workersLaunched() {
        return workersLaunched;
    }
}
