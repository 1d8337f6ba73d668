package org.strata.server.dashboard;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.dashboard.FigureStatements.Customers;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.CustomerDataChanged;
import org.strata.server.tiering.TieringChangesWritten;

/**
 * Keeps the pre-aggregated dashboard figures (V50) equal to what {@link DashboardQueries} computes from the base
 * tables. Each change is applied to the customers it touched: what they contributed is subtracted (computed over the
 * state the figures were last built from), their state is recomputed from the base tables, and what they contribute
 * now is added. A run does this inside its own transaction, so a committed run always has its figures; imports and
 * merges right after they commit; a change too large to list its customers rebuilds everything.
 *
 * <p>Refreshes apply their differences one after another: each first updates the one row of
 * {@code dashboard_refresh_lock}, which the database holds locked until the refresh commits.
 */
@Service
public class DashboardFigures {

    private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);

    /** Migration matrices are kept for this many of a scheme's latest runs; older ones are computed directly. */
    static final int KEPT_MATRICES = 10;
    /** Above this many customers a refresh folds the aggregates' difference rows together. */
    private static final int COMPACT_AFTER = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final FigureCompaction compaction;
    private final ZoneId zone;

    DashboardFigures(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
                     FigureCompaction compaction, @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.compaction = compaction;
        this.zone = ZoneId.of(zone);
    }

    /** Recomputes every figure from the base tables (after a bulk change, or on a database that never had them). */
    public void rebuildAll() {
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            lock();
            deleteFigures();
            template.update(FigureStatements.customerMonths(Customers.ALL, zone));
            template.update(FigureStatements.customersState(Customers.ALL));
            template.update(FigureStatements.customerTiers(Customers.ALL, false));
            template.update("UPDATE dashboard_migration_runs SET kept = FALSE");
            apply(Customers.ALL, 1, null);
            for (long schemeId : jdbc.sql("SELECT id FROM tiering_schemes").query(Long.class).list()) {
                keepMatricesOfLatestRuns(schemeId);
            }
            template.update("INSERT INTO dashboard_built (id, built_at) VALUES (1, CURRENT_TIMESTAMP)");
        });
        log.info("dashboard figures rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Drops every figure until the next {@link #rebuildAll}: changes made meanwhile update nothing, so a bulk set-up
     * (the demo's company and a year of runs) pays for one rebuild at its end instead of a difference per change.
     * Should the set-up stop before rebuilding, the next start builds the figures ({@link #buildIfNeverBuilt}).
     */
    public void discard() {
        transaction.executeWithoutResult(status -> {
            lock();
            deleteFigures();
        });
    }

    private void deleteFigures() {
        for (String table : List.of("dashboard_activity", "dashboard_spend", "dashboard_history",
                "dashboard_migration", "dashboard_customer_tiers", "dashboard_customer_months",
                "dashboard_customers", "dashboard_run_counts", "dashboard_created", "dashboard_refresh_set",
                "dashboard_built")) {
            template.update("DELETE FROM " + table);
        }
    }

    /** Whether the figures exist; asked after {@link #lock()}, so a rebuild in progress is waited for. */
    private boolean built() {
        return jdbc.sql("SELECT COUNT(*) FROM dashboard_built").query(Long.class).single() > 0;
    }

    /** The orders, owner, team or merges of these customers changed (and were committed). */
    public void refreshCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            lock();
            if (!built()) {
                return;
            }
            template.update("DELETE FROM dashboard_refresh_set");
            template.batchUpdate("INSERT INTO dashboard_refresh_set (customer_id) VALUES (?)",
                    customerIds.stream().distinct().map(id -> new Object[] {id}).toList());
            // an absorbed customer's orders count for its survivor, whose months change with them
            template.update("""
                    INSERT INTO dashboard_refresh_set (customer_id)
                    SELECT DISTINCT c.merged_into FROM customers c
                    WHERE c.id IN (SELECT customer_id FROM dashboard_refresh_set) AND c.merged_into IS NOT NULL
                      AND c.merged_into NOT IN (SELECT customer_id FROM dashboard_refresh_set)""");
            apply(Customers.REFRESH_SET, -1, null);
            template.update("DELETE FROM dashboard_customer_months WHERE "
                    + Customers.REFRESH_SET.on("customer_id"));
            template.update("DELETE FROM dashboard_customers WHERE " + Customers.REFRESH_SET.on("customer_id"));
            template.update(FigureStatements.customerMonths(Customers.REFRESH_SET, zone));
            template.update(FigureStatements.customersState(Customers.REFRESH_SET));
            apply(Customers.REFRESH_SET, 1, null);
            compactIfLarge(customerIds.size());
            template.update("DELETE FROM dashboard_refresh_set");
        });
    }

    /**
     * A run wrote its moves (or a person pinned a customer or changed a manual tag): called inside that transaction,
     * so the figures commit with the moves.
     */
    @EventListener
    void on(TieringChangesWritten changes) {
        lock();
        if (!built()) {
            return;
        }
        template.update("DELETE FROM dashboard_refresh_set");
        if (changes.runId() != null) {
            jdbc.sql("INSERT INTO dashboard_refresh_set (customer_id) SELECT DISTINCT customer_id FROM tiering_ledger"
                            + " WHERE run_id = :run AND event = 'entered'")
                    .param("run", changes.runId()).update();
        } else {
            jdbc.sql("INSERT INTO dashboard_refresh_set (customer_id) VALUES (:customer)")
                    .param("customer", changes.customerId()).update();
        }
        long schemeId = changes.schemeId();
        applyTiers(schemeId, -1);
        jdbc.sql("DELETE FROM dashboard_customer_tiers WHERE scheme_id = :scheme AND "
                + Customers.REFRESH_SET.on("customer_id")).param("scheme", schemeId).update();
        jdbc.sql(FigureStatements.customerTiers(Customers.REFRESH_SET, true)).param("scheme", schemeId).update();
        applyTiers(schemeId, 1);
        if (changes.runId() != null) {
            jdbc.sql(FigureStatements.history(Customers.ALL, true)).param("sign", 1).param("run", changes.runId())
                    .update();
            jdbc.sql(FigureStatements.runCounts(Customers.ALL, true)).param("sign", 1).param("run", changes.runId())
                    .update();
            keepMatrix(schemeId, changes.runId(), jdbc.sql(
                            "SELECT COALESCE(MAX(id), 0) FROM tiering_ledger WHERE scheme_id = :scheme")
                    .param("scheme", schemeId).query(Long.class).single(), true);
            forgetOldMatrices(schemeId);
        }
        long changed = jdbc.sql("SELECT COUNT(*) FROM dashboard_refresh_set").query(Long.class).single();
        compactIfLarge(changed);
        template.update("DELETE FROM dashboard_refresh_set");
    }

    /** Ingestion and merges announce the customers whose data changed; apply it once that has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerDataChanged event) {
        refreshCustomers(event.customerIds());
    }

    /** Discarded figures stay so until whoever discarded them rebuilds them. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AllCustomerDataChanged event) {
        if (built()) {
            event.recompute("dashboard-figures", this::rebuildAll);
        }
    }

    /** A database that had customers before the figures existed gets them once. */
    @EventListener(ApplicationReadyEvent.class)
    void buildIfNeverBuilt() {
        if (!built()) {
            rebuildAll();
        }
    }

    /** Adds ({@code sign} 1) or subtracts (-1) what the customers contribute to every aggregate. */
    private void apply(Customers customers, int sign, Long onlyScheme) {
        jdbc.sql(FigureStatements.activity(customers, false, false)).param("sign", sign).update();
        jdbc.sql(FigureStatements.activity(customers, true, false)).param("sign", sign).update();
        jdbc.sql(FigureStatements.spend(customers)).param("sign", sign).update();
        jdbc.sql(FigureStatements.history(customers, false)).param("sign", sign).update();
        jdbc.sql(FigureStatements.runCounts(customers, false)).param("sign", sign).update();
        jdbc.sql(FigureStatements.created(customers)).param("sign", sign).update();
        for (KeptMatrix matrix : keptMatrices(onlyScheme)) {
            migration(customers, matrix, sign);
        }
    }

    /** Adds or subtracts what the customers of the refresh set contribute to one scheme's tier figures. */
    private void applyTiers(long schemeId, int sign) {
        jdbc.sql(FigureStatements.activity(Customers.REFRESH_SET, true, true)).param("sign", sign)
                .param("scheme", schemeId).update();
        for (KeptMatrix matrix : keptMatrices(schemeId)) {
            migration(Customers.REFRESH_SET, matrix, sign);
        }
    }

    private void migration(Customers customers, KeptMatrix matrix, int sign) {
        jdbc.sql(FigureStatements.migration(customers)).param("sign", sign).param("scheme", matrix.schemeId())
                .param("since", matrix.runId()).param("bound", matrix.ledgerBound()).update();
    }

    record KeptMatrix(long schemeId, long runId, long ledgerBound) {
    }

    private List<KeptMatrix> keptMatrices(Long schemeId) {
        return jdbc.sql("SELECT scheme_id, run_id, ledger_bound FROM dashboard_migration_runs WHERE kept"
                        + (schemeId == null ? "" : " AND scheme_id = :scheme"))
                .params(schemeId == null ? java.util.Map.of() : java.util.Map.of("scheme", schemeId))
                .query((rs, n) -> new KeptMatrix(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /**
     * Starts keeping the matrix since run {@code runId}. Right after the run it is the diagonal of the tier sizes
     * ({@code justRun}); for an older run (a rebuild) every customer's tier after it is looked up.
     */
    private void keepMatrix(long schemeId, long runId, long ledgerBound, boolean justRun) {
        jdbc.sql("DELETE FROM dashboard_migration WHERE scheme_id = :scheme AND since_run = :run")
                .param("scheme", schemeId).param("run", runId).update();
        jdbc.sql("DELETE FROM dashboard_migration_runs WHERE run_id = :run").param("run", runId).update();
        jdbc.sql("INSERT INTO dashboard_migration_runs (scheme_id, run_id, ledger_bound, kept)"
                        + " VALUES (:scheme, :run, :bound, TRUE)")
                .param("scheme", schemeId).param("run", runId).param("bound", ledgerBound).update();
        if (justRun) {
            jdbc.sql("""
                            INSERT INTO dashboard_migration (scheme_id, since_run, from_tier, to_tier, owner_id, team_id,
                                                             customers)
                            SELECT scheme_id, :run, tier_key, tier_key, owner_id, team_id, SUM(customers)
                            FROM dashboard_activity WHERE scheme_id = :scheme AND month_no IS NULL
                            GROUP BY scheme_id, tier_key, owner_id, team_id HAVING SUM(customers) <> 0""")
                    .param("scheme", schemeId).param("run", runId).update();
        } else {
            migration(Customers.ALL, new KeptMatrix(schemeId, runId, ledgerBound), 1);
        }
    }

    /** On a rebuild: the matrices of the scheme's latest succeeded runs, with the bounds recorded when they ran. */
    private void keepMatricesOfLatestRuns(long schemeId) {
        List<Long> runs = jdbc.sql("SELECT id FROM tiering_runs WHERE scheme_id = :scheme AND status = 'succeeded'"
                        + " ORDER BY id DESC LIMIT :kept")
                .param("scheme", schemeId).param("kept", KEPT_MATRICES).query(Long.class).list();
        for (long runId : runs) {
            keepMatrix(schemeId, runId, LedgerBounds.of(jdbc, schemeId, runId), false);
        }
        forgetOldMatrices(schemeId);
    }

    private void forgetOldMatrices(long schemeId) {
        List<Long> old = jdbc.sql("SELECT run_id FROM dashboard_migration_runs WHERE scheme_id = :scheme AND kept"
                        + " ORDER BY run_id DESC OFFSET :kept ROWS")
                .param("scheme", schemeId).param("kept", KEPT_MATRICES).query(Long.class).list();
        if (!old.isEmpty()) {
            // the bound stays: the direct computation of an older run's matrix still needs it
            jdbc.sql("DELETE FROM dashboard_migration WHERE since_run IN (:runs)").param("runs", old).update();
            jdbc.sql("UPDATE dashboard_migration_runs SET kept = FALSE WHERE run_id IN (:runs)")
                    .param("runs", old).update();
        }
    }

    private void compactIfLarge(long customers) {
        if (customers > COMPACT_AFTER) {
            compaction.compactAll();
        }
    }

    private void lock() {
        template.update("UPDATE dashboard_refresh_lock SET refreshed_at = CURRENT_TIMESTAMP WHERE id = 1");
    }
}
