package org.strata.server.dashboard;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.dashboard.FigureStatements.Customers;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.SuspendedIndexes;

/**
 * How a rebuild empties the figure tables and fills the per-customer state (order months, owner and team, tiers) the
 * aggregates are summed from, as fast as each database allows.
 *
 * <p>On PostgreSQL the tables are truncated rather than deleted from: deleted rows stay in the heap and in the
 * primary keys until vacuumed, and inserting the same keys again checks each against its dead twin (a random heap
 * read per row). The state tables' indexes, primary keys included, are dropped while a million rows go in and built
 * once afterwards, and the planner gets their statistics before the aggregates join them. Sorts and hash
 * aggregates get the memory to run without spilling. TRUNCATE locks the tables until the rebuild commits; the
 * dashboard does not read them meanwhile (the figures are marked as not built first, see {@link DashboardFigures}).
 *
 * <p>H2's TRUNCATE commits the transaction it runs in, so there it runs before the rebuild's transactions, once the
 * figures are marked as not built and no refresh touches them.
 */
@Component
class FigureBuild {

    /** Every table of figures, emptied by a rebuild (the kept matrices' run bounds stay). */
    static final List<String> FIGURE_TABLES = List.of("dashboard_activity", "dashboard_spend", "dashboard_history",
            "dashboard_migration", "dashboard_customer_tiers", "dashboard_customer_months", "dashboard_customers",
            "dashboard_run_counts", "dashboard_created");
    /** The per-customer state, a million rows each and more. */
    private static final List<String> STATE_TABLES = List.of("dashboard_customer_months", "dashboard_customers",
            "dashboard_customer_tiers");
    private static final String WORK_MEMORY = "256MB";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ZoneId zone;

    FigureBuild(JdbcTemplate template, JdbcClient jdbc, SqlDialect dialect,
                @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.template = template;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.zone = ZoneId.of(zone);
    }

    boolean postgres() {
        return dialect instanceof PostgresDialect;
    }

    /** H2: empties the figure tables; call outside any transaction. Nothing on PostgreSQL. */
    void emptyBeforeTransaction() {
        if (!postgres()) {
            FIGURE_TABLES.forEach(table -> template.update("TRUNCATE TABLE " + table));
        }
    }

    /** PostgreSQL: empties the figure tables inside the rebuild's transaction. Nothing on H2. */
    void emptyInTransaction() {
        if (postgres()) {
            template.update("TRUNCATE " + String.join(", ", FIGURE_TABLES));
            template.update("SET LOCAL work_mem = '" + WORK_MEMORY + "'");
        }
    }

    /** The state of every customer, into emptied tables. */
    void stateOfEveryone() {
        if (!postgres()) {
            state(Customers.ALL, Map.of());
            return;
        }
        SuspendedIndexes indexes = SuspendedIndexes.suspendWithPrimaryKeys(template, STATE_TABLES);
        state(Customers.ALL, Map.of());
        indexes.restore(WORK_MEMORY);
        STATE_TABLES.forEach(table -> template.update(dialect.analyze(table)));
    }

    /** The state of the customers in {@code set} ({@code range} binds a {@link Customers#RANGE}). */
    void state(Customers set, Map<String, ?> range) {
        jdbc.sql(FigureStatements.customerMonths(set, zone)).params(range).update();
        jdbc.sql(FigureStatements.customersState(set)).params(range).update();
        jdbc.sql(FigureStatements.customerTiers(set, false)).params(range).update();
    }
}
