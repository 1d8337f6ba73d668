package org.strata.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SuspendedIndexes.Index;
import org.strata.server.sql.SuspendedIndexes;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes a bulk load suspends, read from the catalogue by SuspendedIndexes, for IndexBuildBench to
 * drop and build one at a time and to tell how many parallel workers PostgreSQL launched for each build.
 */
final class IndexDefinitions {

    /** trace_sort's line for each participant of a parallel sort; the leader takes part as one more "worker". */
    private static final Pattern SORT_PARTICIPANT = Pattern.compile("performsort of worker (\\d+) starting");

    private final JdbcTemplate jdbc;
    private final List<Index> indexes;
    private int workersLaunched;

    private IndexDefinitions(JdbcTemplate jdbc, List<Index> indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    static IndexDefinitions of(JdbcTemplate jdbc, List<String> tables, List<String> primaryKeysToo) {
        return new IndexDefinitions(jdbc, SuspendedIndexes.definitions(jdbc, tables, primaryKeysToo));
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
