package org.strata.server.tiering;

import java.util.List;
import java.util.Map;

/**
 * Where {@link RunCountsInScope} takes a run's counts over the caller's customers from: {@link LedgerRunCounts}
 * counts the ledger and the customers directly; the dashboard module keeps them summed by owner and team, which any
 * scope that {@linkplain org.strata.server.scope.CustomerScope#readsOwnerAndTeamOnly() reads only those} can use.
 * Both must give the same numbers.
 */
public interface RunCountSource {

    /**
     * Per run id, what the run's ledger rows say about the caller's customers; {@code evaluated} is the number of
     * those customers the run wrote rows for. A run with no such rows may be missing from the map.
     */
    Map<Long, RunCountsInScope.Counts> changes(List<Long> runIds);

    /** The caller's customers that are not merged into another, by creation time. */
    CreationTimes created();
}
