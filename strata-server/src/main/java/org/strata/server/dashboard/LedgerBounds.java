package org.strata.server.dashboard;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "After run R" in the ledger: the rows up to the ledger's last id when R committed. Runs since V50 record it as they
 * commit ({@code dashboard_migration_runs}); for an older run it is the last row R wrote, or, when R moved nobody,
 * the last row of an earlier run of the scheme.
 */
final class LedgerBounds {

    private LedgerBounds() {
    }

    static long of(JdbcClient jdbc, long schemeId, long runId) {
        return jdbc.sql("""
                        SELECT COALESCE((SELECT ledger_bound FROM dashboard_migration_runs WHERE run_id = :run),
                                        (SELECT MAX(id) FROM tiering_ledger WHERE scheme_id = :scheme AND run_id = :run),
                                        (SELECT MAX(id) FROM tiering_ledger WHERE scheme_id = :scheme AND run_id < :run),
                                        0)""")
                .param("scheme", schemeId).param("run", runId).query(Long.class).single();
    }
}
