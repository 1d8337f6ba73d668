package org.strata.server.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;
import org.strata.server.tiering.CreationTimes;
import org.strata.server.tiering.LedgerRunCounts;
import org.strata.server.tiering.RunCountSource;
import org.strata.server.tiering.RunCountsInScope.Counts;

/**
 * Run counts over the caller's customers summed from the rows {@link DashboardFigures} keeps by owner and team (V53):
 * a few rows per run and scope instead of the run's ledger rows. Valid for scopes that read only owner and team.
 * While those rows are not built (a rebuild in progress, or discarded) the ledger is counted directly.
 */
@Repository
class AggregatedRunCounts implements RunCountSource {

    private final JdbcClient jdbc;
    private final CustomerScope scope;
    private final DashboardFigures figures;
    private final LedgerRunCounts ledger;

    AggregatedRunCounts(JdbcClient jdbc, CustomerScope scope, DashboardFigures figures) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.figures = figures;
        this.ledger = new LedgerRunCounts(scope, jdbc);
    }

    @Override
    public Map<Long, Counts> changes(List<Long> runIds) {
        Map<Long, Counts> counts = new HashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        if (!figures.built()) {
            return ledger.changes(runIds);
        }
        ScopeCondition where = scope.condition("a");
        jdbc.sql("SELECT a.run_id, SUM(a.changed) AS changed, SUM(a.moved) AS moved, SUM(a.entered) AS entered,"
                        + " SUM(a.exited) AS exited, SUM(a.tags_changed) AS tags_changed"
                        + " FROM dashboard_run_counts a WHERE a.run_id IN (:runs) AND " + where.sql()
                        + " GROUP BY a.run_id")
                .param("runs", runIds).params(where.params())
                .query(rs -> {
                    counts.put(rs.getLong("run_id"), new Counts(rs.getInt("changed"), rs.getInt("moved"),
                            rs.getInt("entered"), rs.getInt("exited"), rs.getInt("tags_changed")));
                });
        return counts;
    }

    @Override
    public CreationTimes created() {
        if (!figures.built()) {
            return ledger.created();
        }
        ScopeCondition where = scope.condition("a");
        Map<Long, Long> byMillis = new HashMap<>();
        jdbc.sql("SELECT a.created_ms, SUM(a.customers) FROM dashboard_created a WHERE " + where.sql()
                        + " GROUP BY a.created_ms")
                .params(where.params())
                .query(rs -> {
                    byMillis.put(rs.getLong(1), rs.getLong(2));
                });
        return CreationTimes.of(byMillis);
    }
}
