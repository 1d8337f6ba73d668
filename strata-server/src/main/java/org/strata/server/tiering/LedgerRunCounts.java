package org.strata.server.tiering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * Run counts over the caller's customers taken directly from the ledger and the customers table. It joins every
 * ledger row of the runs (a first run writes one per customer) with the customers, so it is the reference the kept
 * counts are checked against and the way for a scope that reads more than owner and team, not for every request.
 */
public final class LedgerRunCounts implements RunCountSource {

    private final CustomerScope scope;
    private final JdbcClient jdbc;

    public LedgerRunCounts(CustomerScope scope, JdbcClient jdbc) {
        this.scope = scope;
        this.jdbc = jdbc;
    }

    /**
     * Per run and customer in scope: did the run write an entry, a leaving, tag changes? Entry and leaving = a move;
     * entry alone = placed for the first time; leaving alone = left the scheme.
     */
    @Override
    public Map<Long, RunCountsInScope.Counts> changes(List<Long> runIds) {
        Map<Long, RunCountsInScope.Counts> counts = new HashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        ScopeCondition condition = scope.condition("c");
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
                    counts.put(rs.getLong("run_id"), new RunCountsInScope.Counts(rs.getInt("changed"),
                            rs.getInt("moved"), rs.getInt("entered"), rs.getInt("exited"), rs.getInt("tags_changed")));
                });
        return counts;
    }

    @Override
    public CreationTimes created() {
        ScopeCondition condition = scope.condition("c");
        Map<Long, Long> byMillis = new HashMap<>();
        jdbc.sql("SELECT c.created_at FROM customers c WHERE c.merged_into IS NULL AND " + condition.sql())
                .params(condition.params())
                .query(rs -> {
                    byMillis.merge(rs.getTimestamp(1).getTime(), 1L, Long::sum);
                });
        return CreationTimes.of(byMillis);
    }
}
