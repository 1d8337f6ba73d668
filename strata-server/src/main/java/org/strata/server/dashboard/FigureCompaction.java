package org.strata.server.dashboard;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.SummedRows;

/**
 * Folds the difference rows that refreshes append to the dashboard aggregates into one row per key, and drops keys
 * that add up to nothing, so reading a figure sums few rows. Runs inside the refresh's transaction.
 */
@Component
class FigureCompaction {

    private static final List<SummedRows> AGGREGATES = List.of(
            new SummedRows("dashboard_activity", List.of("scheme_id", "tier_key", "owner_id", "team_id", "month_no",
                    "previous_month", "next_month", "several_orders"), List.of("customers", "revenue")),
            new SummedRows("dashboard_spend", List.of("owner_id", "team_id", "spend_band"),
                    List.of("customers", "revenue")),
            new SummedRows("dashboard_history", List.of("scheme_id", "as_of", "tier_key", "owner_id", "team_id"),
                    List.of("entered", "exited")),
            new SummedRows("dashboard_migration", List.of("scheme_id", "since_run", "from_tier", "to_tier", "owner_id",
                    "team_id"), List.of("customers")),
            new SummedRows("dashboard_run_counts", List.of("run_id", "owner_id", "team_id"),
                    List.of("changed", "moved", "entered", "exited", "tags_changed")),
            new SummedRows("dashboard_created", List.of("owner_id", "team_id", "created_ms"), List.of("customers")));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    FigureCompaction(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void compactAll() {
        AGGREGATES.forEach(aggregate -> aggregate.compact(jdbc, dialect));
    }
}
