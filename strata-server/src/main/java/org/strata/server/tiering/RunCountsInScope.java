package org.strata.server.tiering;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;

/**
 * A run's counts as a reader with a narrowed data scope may see them. The stored counts are company-wide: shown to a
 * sales rep they would tell how many customers the company has and how many moved. For such a reader the counts are
 * taken again over the customers in scope: moves, first entries, exits and tag changes from the run's ledger rows;
 * customers evaluated, for a full run, as the customers in scope that existed when the run started and are not merged
 * (a full run evaluates every unmerged customer), for a live run as the customers in scope it changed. What the
 * ledger does not record (downgrades held by hysteresis, customers held by pins, rows written) is withheld.
 *
 * <p>A scope of owners and teams reads the counts the dashboard module keeps summed by owner and team (V53), so a
 * request costs a few rows per run instead of a join of the runs' ledger rows with the customers; any other scope
 * counts the ledger directly ({@link LedgerRunCounts}).
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
    private final RunCountSource kept;
    private final LedgerRunCounts ledger;

    /** @param kept the counts kept summed by owner and team (by the dashboard module) */
    RunCountsInScope(CustomerScope scope, JdbcClient jdbc, RunCountSource kept) {
        this.scope = scope;
        this.kept = kept;
        this.ledger = new LedgerRunCounts(scope, jdbc);
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
        return of(runs, scope.readsOwnerAndTeamOnly() ? kept : ledger);
    }

    /** Counts by run id over the customers that {@code source} counts. */
    public static Map<Long, Counts> of(Collection<RunKey> runs, RunCountSource source) {
        Map<Long, Counts> counts = new HashMap<>();
        if (runs.isEmpty()) {
            return counts;
        }
        Map<Long, Counts> changes = source.changes(runs.stream().map(RunKey::id).toList());
        // only a full run needs the customers existing at its start
        CreationTimes created = runs.stream().anyMatch(RunKey::evaluatesEveryone) ? source.created() : null;
        for (RunKey run : runs) {
            Counts changed = changes.getOrDefault(run.id(), Counts.NONE);
            int evaluated = run.evaluatesEveryone() ? created.existingAt(run.startedAt()) : changed.evaluated();
            counts.put(run.id(), new Counts(evaluated, changed.moved(), changed.entered(), changed.exited(),
                    changed.tagsChanged()));
        }
        return counts;
    }
}
