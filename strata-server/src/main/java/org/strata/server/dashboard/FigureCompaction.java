package org.strata.server.dashboard;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.sql.SqlDialect;

/**
 * Folds the difference rows that refreshes append to the dashboard aggregates into one row per key, and drops keys
 * that add up to nothing, so reading a figure sums few rows. Runs inside the refresh's transaction.
 */
@Component
class FigureCompaction {

    private record Aggregate(String table, List<String> keys, List<String> sums) {

        String folded() {
            String keyList = String.join(", ", keys);
            String sumList = String.join(", ", sums.stream().map(s -> "SUM(" + s + ")").toList());
            String nonZero = String.join(" OR ", sums.stream().map(s -> "SUM(" + s + ") <> 0").toList());
            return "SELECT " + keyList + ", " + sumList + " FROM " + table + " GROUP BY " + keyList
                    + " HAVING " + nonZero;
        }

        List<String> columns() {
            return java.util.stream.Stream.concat(keys.stream(), sums.stream()).toList();
        }
    }

    private static final List<Aggregate> AGGREGATES = List.of(
            new Aggregate("dashboard_activity", List.of("scheme_id", "tier_key", "owner_id", "team_id", "month_no",
                    "previous_month", "next_month", "several_orders"), List.of("customers", "revenue")),
            new Aggregate("dashboard_spend", List.of("owner_id", "team_id", "spend_band"),
                    List.of("customers", "revenue")),
            new Aggregate("dashboard_history", List.of("scheme_id", "as_of", "tier_key", "owner_id", "team_id"),
                    List.of("entered", "exited")),
            new Aggregate("dashboard_migration", List.of("scheme_id", "since_run", "from_tier", "to_tier", "owner_id",
                    "team_id"), List.of("customers")),
            new Aggregate("dashboard_run_counts", List.of("run_id", "owner_id", "team_id"),
                    List.of("changed", "moved", "entered", "exited", "tags_changed")),
            new Aggregate("dashboard_created", List.of("owner_id", "team_id", "created_ms"), List.of("customers")));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    FigureCompaction(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void compactAll() {
        for (Aggregate aggregate : AGGREGATES) {
            int width = aggregate.columns().size();
            List<Object[]> rows = jdbc.query(aggregate.folded(), (rs, n) -> {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            });
            jdbc.update("DELETE FROM " + aggregate.table());
            dialect.insertRows(jdbc, aggregate.table(), aggregate.columns(), rows);
        }
    }
}
