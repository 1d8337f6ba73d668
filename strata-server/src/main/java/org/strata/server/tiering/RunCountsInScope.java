package org.strata.server.tiering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * A run's counts as a reader with a narrowed data scope may see them. The stored counts are company-wide: shown to a
 * sales rep they would tell how many customers the company has and how many moved. For such a reader the counts are
 * taken again over the customers in scope: moves, first entries, exits and tag changes from the run's ledger rows;
 * customers evaluated, for a full run, as the customers in scope that existed when the run started and are not merged
 * (a full run evaluates every unmerged customer), for a live run as the customers in scope it changed. What the
 * ledger does not record (downgrades held by hysteresis, customers held by pins, rows written) is withheld.
 */
@Component
public class RunCountsInScope {

    /** The counts of one run over the caller's customers. */
    public record Counts(int evaluated, int moved, int entered, int exited, int tagsChanged) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /**
     * A run as the counting needs it.
     *
     * @param evaluatesEveryone a full run that succeeded; a live run evaluates only the customers whose data changed,
     *                          and a failed or unfinished one recorded nothing
     */
    public record RunKey(long id, boolean evaluatesEveryone, Instant startedAt) {
    }

    private final CustomerScope scope;
    private final JdbcClient jdbc;

    RunCountsInScope(CustomerScope scope, JdbcClient jdbc) {
        this.scope = scope;
        this.jdbc = jdbc;
    }

    /** False when the caller sees every customer: the stored totals are theirs, and nothing needs counting. */
    boolean narrowed() {
        return !scope.condition("c").isEverything();
    }

    /**
     * The runs as the caller may see them: unchanged when they see every customer, otherwise each replaced by
     * {@code inScope} with its counts over the caller's customers.
     */
    public <R> List<R> forCaller(List<R> runs, Function<R, RunKey> key, BiFunction<R, Counts, R> inScope) {
        if (!narrowed()) {
            return runs;
        }
        Map<Long, Counts> counts = of(runs.stream().map(key).toList());
        return runs.stream().map(run -> inScope.apply(run, counts.get(key.apply(run).id()))).toList();
    }

    /** Counts by run id over the caller's customers; call only when {@link #narrowed()}. */
    Map<Long, Counts> of(Collection<RunKey> runs) {
        Map<Long, Counts> counts = new HashMap<>();
        if (runs.isEmpty()) {
            return counts;
        }
        ScopeCondition condition = scope.condition("c");
        Map<Long, Counts> fromLedger = ledgerCounts(runs.stream().map(RunKey::id).toList(), condition);
        long[] created = createdInScope(condition);
        for (RunKey run : runs) {
            Counts ledger = fromLedger.getOrDefault(run.id(), Counts.NONE);
            int evaluated = run.evaluatesEveryone() ? existingAt(created, run.startedAt()) : ledger.evaluated();
            counts.put(run.id(), new Counts(evaluated, ledger.moved(), ledger.entered(), ledger.exited(),
                    ledger.tagsChanged()));
        }
        return counts;
    }

    /**
     * Per run and customer in scope: did the run write an entry, a leaving, tag changes? Entry and leaving = a move;
     * entry alone = placed for the first time; leaving alone = left the scheme. "evaluated" here = customers changed.
     */
    private Map<Long, Counts> ledgerCounts(List<Long> runIds, ScopeCondition condition) {
        Map<Long, Counts> counts = new HashMap<>();
        jdbc.sql("SELECT x.run_id, COUNT(*) AS changed,"
                        + " SUM(CASE WHEN x.entries > 0 AND x.leavings > 0 THEN 1 ELSE 0 END) AS moved,"
                        + " SUM(CASE WHEN x.entries > 0 AND x.leavings = 0 THEN 1 ELSE 0 END) AS entered,"
                        + " SUM(CASE WHEN x.entries = 0 AND x.leavings > 0 THEN 1 ELSE 0 END) AS exited,"
                        + " SUM(x.tag_changes) AS tags_changed"
                        + " FROM (SELECT l.run_id, l.customer_id,"
                        + " SUM(CASE WHEN l.event = 'entered' THEN 1 ELSE 0 END) AS entries,"
                        + " SUM(CASE WHEN l.event = 'left' THEN 1 ELSE 0 END) AS leavings,"
                        + " SUM(CASE WHEN l.event IN ('tag_added', 'tag_removed') THEN 1 ELSE 0 END) AS tag_changes"
                        + " FROM tiering_ledger l JOIN customers c ON c.id = l.customer_id"
                        // tiering_ledger_run_idx serves run_id IN (...)
                        + " WHERE l.run_id IN (:runs) AND " + condition.sql()
                        + " GROUP BY l.run_id, l.customer_id) x GROUP BY x.run_id")
                .param("runs", runIds).params(condition.params())
                .query(rs -> {
                    counts.put(rs.getLong("run_id"), new Counts(rs.getInt("changed"), rs.getInt("moved"),
                            rs.getInt("entered"), rs.getInt("exited"), rs.getInt("tags_changed")));
                });
        return counts;
    }

    /** Creation times (epoch ms, sorted) of the unmerged customers in scope: one query for any number of runs. */
    private long[] createdInScope(ScopeCondition condition) {
        List<Long> created = new ArrayList<>();
        jdbc.sql("SELECT c.created_at FROM customers c WHERE c.merged_into IS NULL AND " + condition.sql())
                .params(condition.params())
                .query(rs -> {
                    created.add(rs.getTimestamp(1).getTime());
                });
        long[] sorted = created.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static int existingAt(long[] created, Instant at) {
        int index = Arrays.binarySearch(created, at.toEpochMilli());
        if (index < 0) {
            return -index - 1;
        }
        while (index < created.length && created[index] == at.toEpochMilli()) {
            index++;
        }
        return index;
    }
}
