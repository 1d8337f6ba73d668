package org.strata.server.dashboard;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.dashboard.FigureStatements.Customers;
import org.strata.server.sql.BulkSteps;
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
 *
 * <p>Each statement is timed at DEBUG ("dashboard rebuild: customer months 9,120 ms, 2392564 rows"): the rebuild after
 * a bulk load is one of the longest steps of an import, and which statement to make cheaper shows in that breakdown.
 */
@Component
class FigureBuild {

    private static final Logger log = LoggerFactory.getLogger(FigureBuild.class);

    /** Every table of figures, emptied by a rebuild (the kept matrices' run bounds stay). */
    static final List<String> FIGURE_TABLES = List.of("dashboard_activity", "dashboard_spend", "dashboard_history",
            "dashboard_migration", "dashboard_customer_tiers", "dashboard_customer_months", "dashboard_customers",
            "dashboard_run_counts", "dashboard_created");
    /**
     * The tables whose rows orders decide: each customer's order months and lifetime revenue, and the activity and
     * spend aggregates summed from them. The others follow from customers, their merges and the tiering ledger.
     */
    static final List<String> ORDER_FIGURE_TABLES = List.of("dashboard_activity", "dashboard_spend",
            "dashboard_customer_months", "dashboard_customers");
    /** The per-customer state, a million rows each and more. */
    private static final List<String> STATE_TABLES = List.of("dashboard_customer_months", "dashboard_customers",
            "dashboard_customer_tiers");
    /** The per-customer state that orders decide. */
    private static final List<String> ORDER_STATE_TABLES = List.of("dashboard_customer_months",
            "dashboard_customers");
    private static final String WORK_MEMORY = "256MB";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ZoneId zone;
    private final BulkSteps steps = new BulkSteps(log, "dashboard rebuild");
    private Boolean monthsSearchable;

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

    /** Runs one statement of a rebuild or a refresh, timed at DEBUG under {@code step}. */
    long timed(String step, LongSupplier statement) {
        return steps.rows(step, statement);
    }

    /** H2: empties the figure tables; call outside any transaction. Nothing on PostgreSQL. */
    void emptyBeforeTransaction() {
        if (!postgres()) {
            FIGURE_TABLES.forEach(table -> template.update("TRUNCATE TABLE " + table));
        }
    }

    /** PostgreSQL: empties every figure table inside the rebuild's transaction. Nothing on H2. */
    void emptyInTransaction() {
        emptyInTransaction(FIGURE_TABLES);
    }

    /** PostgreSQL: empties {@code tables} inside the rebuild's transaction. Nothing on H2. */
    void emptyInTransaction(List<String> tables) {
        if (postgres()) {
            steps.run("truncate", () -> template.update("TRUNCATE " + String.join(", ", tables)));
            template.update("SET LOCAL work_mem = '" + WORK_MEMORY + "'");
        }
    }

    /** The state of every customer, into emptied tables. */
    void stateOfEveryone() {
        everyone(STATE_TABLES, () -> state(Customers.ALL, Map.of()));
    }

    /** The state that orders decide of every customer, into emptied tables (PostgreSQL). */
    void orderStateOfEveryone() {
        everyone(ORDER_STATE_TABLES, () -> orderState(Customers.ALL, Map.of()));
    }

    /**
     * The figures of orders from the months a first load summed, when the orders are still exactly what it stored
     * and its sums fit; else empty, and the figures are aggregated from the orders.
     */
    Optional<OrderFiguresFromLoad> fromLoad(LoadedOrderMonths loaded) {
        if (!steps.get("orders unchanged since the load", () -> loaded.ordersUnchanged(template))) {
            log.debug("dashboard rebuild: the orders changed since the load, aggregating them");
            return Optional.empty();
        }
        Optional<OrderFiguresFromLoad> figures = OrderFiguresFromLoad.of(template, loaded, steps);
        if (figures.isEmpty()) {
            log.debug("dashboard rebuild: the load's sums do not fit, aggregating the orders");
        }
        return figures;
    }

    /** The state that orders decide of every customer, from a first load's months, into emptied tables. */
    void orderStateOfEveryone(OrderFiguresFromLoad figures) {
        everyone(ORDER_STATE_TABLES, () -> steps.rows("customer months and customers copied",
                () -> figures.writeState(template, dialect)));
    }

    /** Everyone's activity and the spend histogram from a first load's months, into emptied tables. */
    void aggregatesOf(OrderFiguresFromLoad figures) {
        steps.rows("activity and spend copied", () -> figures.writeAggregates(template, dialect));
    }

    private void everyone(List<String> tables, Runnable fill) {
        if (!postgres()) {
            fill.run();
            return;
        }
        SuspendedIndexes indexes = SuspendedIndexes.suspendWithPrimaryKeys(template, tables);
        fill.run();
        steps.run("indexes of " + String.join(", ", tables), () -> indexes.restore(WORK_MEMORY));
        tables.forEach(table -> steps.run("analyze " + table, () -> template.update(dialect.analyze(table))));
    }

    /** The state of the customers in {@code set} ({@code range} binds a {@link Customers#RANGE}). */
    void state(Customers set, Map<String, ?> range) {
        orderState(set, range);
        steps.rows("customer tiers",
                () -> jdbc.sql(FigureStatements.customerTiers(set, false)).params(range).update());
    }

    /** The order months, lifetime revenue, owner and team of the customers in {@code set}. */
    void orderState(Customers set, Map<String, ?> range) {
        // a refresh's few orders take the exact conversion: the month starts would cost more than they save
        String month = MonthBuckets.monthNumber("o.ordered_at", zone, dialect,
                set != Customers.REFRESH_SET && monthsSearchable());
        String months = FigureStatements.customerMonths(set, month);
        steps.rows("customer months", () -> jdbc.sql(months).params(range).update());
        String customers = set == Customers.ALL ? FigureStatements.customersStateOfEveryone()
                : FigureStatements.customersState(set);
        steps.rows("customers", () -> jdbc.sql(customers).params(range).update());
    }

    /** Whether order months may be found among the business zone's month starts, asked of the database once. */
    private synchronized boolean monthsSearchable() {
        if (monthsSearchable == null) {
            monthsSearchable = MonthBuckets.searchable(template, dialect, zone, postgres());
        }
        return monthsSearchable;
    }
}
