package org.strata.server.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.strata.server.tiering.AllCustomerDataChanged.Part;
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
    /**
     * Customers per committed chunk of an H2 rebuild, whose transaction lives in Strata's heap: at 1M customers with
     * a 512 MB heap, chunks of 100,000 left 510 MB after collections, 50,000 left 450 MB (1.4x the time).
     */
    private static final long H2_CHUNK = 50_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final FigureCompaction compaction;
    private final FigureBuild build;
    private final FirstLoadOrderMonths firstLoad;
    private final long chunkSize;

    /**
     * @param chunk customers per transaction of a rebuild; 0: the database's choice, everyone at once on PostgreSQL
     *              and {@value #H2_CHUNK} on H2 (about 100 MB of heap at a time)
     */
    DashboardFigures(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
                     FigureCompaction compaction, FigureBuild build, FirstLoadOrderMonths firstLoad,
                     @Value("${strata.dashboard.rebuild-chunk:0}") long chunk) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.compaction = compaction;
        this.build = build;
        this.firstLoad = firstLoad;
        this.chunkSize = chunk > 0 ? chunk : build.postgres() ? Long.MAX_VALUE : H2_CHUNK;
    }

    /**
     * Recomputes every figure from the base tables (after a bulk change, or on a database that never had them). The
     * old figures are dropped first, in a transaction of their own: until the new ones are complete the dashboard
     * answers from the base tables ({@link #built()} is false), never from half-built figures. PostgreSQL then builds
     * everything in one transaction; H2, which keeps a transaction's rows in memory, in committed chunks of
     * {@code strata.dashboard.rebuild-chunk} customers.
     */
    public synchronized void rebuildAll() {
        rebuildInChunksOf(chunkSize, () -> { });
    }

    /**
     * A rebuild by chunks of {@code customers} customers (by id), or in one transaction when it is
     * {@link Long#MAX_VALUE}; {@code betweenChunks} runs after each committed chunk (tests change data there).
     */
    synchronized void rebuildInChunksOf(long customers, Runnable betweenChunks) {
        // a first load's months stand for the orders of one moment, which this rebuild need not be
        firstLoad.discard();
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            lock();
            template.update("DELETE FROM dashboard_built");
            template.update("DELETE FROM dashboard_rebuild");
            template.update("INSERT INTO dashboard_rebuild (id, complete_through) VALUES (1, 0)");
        });
        build.emptyBeforeTransaction();
        if (customers == Long.MAX_VALUE) {
            transaction.executeWithoutResult(status -> {
                lock();
                build.emptyInTransaction();
                markKeptMatrices();
                build.stateOfEveryone();
                apply(Customers.ALL, 1, Map.of());
                finishRebuild();
            });
        } else {
            transaction.executeWithoutResult(status -> {
                lock();
                build.emptyInTransaction();
                markKeptMatrices();
            });
            long last = 0;
            for (Long next = lastOfChunk(last, customers); next != null; next = lastOfChunk(last, customers)) {
                long upTo = next;
                Map<String, Object> range = Map.of("first_customer", last + 1, "last_customer", upTo);
                transaction.executeWithoutResult(status -> {
                    lock();
                    build.state(Customers.RANGE, range);
                    apply(Customers.RANGE, 1, range);
                    // the chunks' rows of a key add up; folded now, the aggregates never hold a row per chunk
                    compaction.compactAll();
                    jdbc.sql("UPDATE dashboard_rebuild SET complete_through = :last").param("last", upTo).update();
                });
                last = upTo;
                betweenChunks.run();
            }
            transaction.executeWithoutResult(status -> {
                lock();
                finishRebuild();
            });
        }
        log.info("dashboard figures rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * After a change of orders only (a bulk load of orders): recomputes what orders decide ({@link
     * FigureBuild#ORDER_FIGURE_TABLES}: each customer's order months, lifetime revenue and spend band, the activity and
     * spend aggregates) and keeps the rest, which customers, their merges and the tiering ledger decide (tiers,
     * history, run counts, migration matrices, creation times): none of that changed, so it is what a rebuild of
     * everything would compute again. PostgreSQL, in one transaction; H2 and figures that are not complete (discarded,
     * or a rebuild in progress) rebuild everything.
     *
     * <p>After a first load of orders the customers' order months come from the sums the load made while copying
     * ({@link FirstLoadOrderMonths}), and with them the customers' state, everyone's activity and the spend histogram
     * ({@link OrderFiguresFromLoad}), instead of aggregating three million orders: when the orders are still exactly
     * those the load stored, checked inside this transaction ({@link LoadedOrderMonths#ordersUnchanged}). A change
     * committed later is refreshed after this commits, as for the SQL aggregation.
     *
     * <p>Until the new figures commit the dashboard answers from the base tables. The kept figures stay refreshable
     * for every customer meanwhile: a refresh or a run's tier changes either commits before the rebuild's transaction
     * starts, or waits for it and then applies to what it built; skipping them, as during a rebuild of everything,
     * would leave the kept figures behind.
     */
    public synchronized void rebuildOrderFigures() {
        if (!build.postgres()) {
            rebuildAll();
            return;
        }
        long started = System.nanoTime();
        boolean complete = Boolean.TRUE.equals(transaction.execute(status -> {
            lock();
            if (!built()) {
                return false;
            }
            template.update("DELETE FROM dashboard_built");
            template.update("DELETE FROM dashboard_rebuild");
            jdbc.sql("INSERT INTO dashboard_rebuild (id, complete_through) VALUES (1, :everyone)")
                    .param("everyone", Long.MAX_VALUE).update();
            return true;
        }));
        if (!complete) {
            rebuildAll();
            return;
        }
        Optional<LoadedOrderMonths> loaded = firstLoad.take();
        boolean monthsFromLoad = Boolean.TRUE.equals(transaction.execute(status -> {
            lock();
            build.emptyInTransaction(FigureBuild.ORDER_FIGURE_TABLES);
            Optional<OrderFiguresFromLoad> fromLoad = loaded.flatMap(build::fromLoad);
            if (fromLoad.isPresent()) {
                build.orderStateOfEveryone(fromLoad.get());
                build.aggregatesOf(fromLoad.get());
                applyStatement("activity by tier", FigureStatements.activity(Customers.ALL, true, false), 1,
                        Map.of());
            } else {
                build.orderStateOfEveryone();
                applyOrderFigures(Customers.ALL, 1, Map.of());
            }
            finishRebuild();
            return fromLoad.isPresent();
        }));
        log.info("dashboard figures of orders rebuilt in {} ms, {}", (System.nanoTime() - started) / 1_000_000,
                monthsFromLoad ? "the months summed by the load" : "the months aggregated from the orders");
    }

    /** The id ending the chunk of the next {@code customers} customers after id {@code after}; null: none left. */
    private Long lastOfChunk(long after, long customers) {
        return jdbc.sql("SELECT MAX(id) FROM (SELECT id FROM customers WHERE id > :after ORDER BY id"
                        + " FETCH FIRST " + customers + " ROWS ONLY) c")
                .param("after", after).query(Long.class).list().get(0);
    }

    private void finishRebuild() {
        template.update("DELETE FROM dashboard_rebuild");
        template.update("INSERT INTO dashboard_built (id, built_at) VALUES (1, CURRENT_TIMESTAMP)");
    }

    /**
     * Drops every figure until the next {@link #rebuildAll}: changes made meanwhile update nothing, so a bulk set-up
     * (the demo's company and a year of runs) pays for one rebuild at its end instead of a difference per change.
     * Should the set-up stop before rebuilding, the next start builds the figures ({@link #buildIfNeverBuilt}).
     */
    public synchronized void discard() {
        transaction.executeWithoutResult(status -> {
            lock();
            template.update("DELETE FROM dashboard_rebuild");
            for (String table : FigureBuild.FIGURE_TABLES) {
                template.update("DELETE FROM " + table);
            }
            template.update("DELETE FROM dashboard_built");
        });
    }

    /**
     * Whether the figures are complete, so that the dashboard may read them. Asked after {@link #lock()} it waits
     * for a refresh or a rebuild transaction in progress.
     */
    boolean built() {
        return jdbc.sql("SELECT COUNT(*) FROM dashboard_built").query(Long.class).single() > 0;
    }

    /**
     * Which customers' figures a refresh may update, asked after {@link #lock()}: all when built or while the figures
     * of orders are rebuilt ({@link #rebuildOrderFigures}), those a chunked rebuild has completed while it runs (the
     * others it computes later from the data as it is then), none when the figures were discarded.
     */
    private Optional<Long> refreshableThrough() {
        if (built()) {
            return Optional.of(Long.MAX_VALUE);
        }
        return jdbc.sql("SELECT complete_through FROM dashboard_rebuild").query(Long.class).optional();
    }

    /** Keeps the refresh set to the customers whose figures are complete. */
    private void keepRefreshable(long through) {
        if (through < Long.MAX_VALUE) {
            jdbc.sql("DELETE FROM dashboard_refresh_set WHERE customer_id > :through").param("through", through)
                    .update();
        }
    }

    /** The orders, owner, team or merges of these customers changed (and were committed). */
    public void refreshCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            lock();
            Optional<Long> through = refreshableThrough();
            if (through.isEmpty() || through.get() == 0) {
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
            keepRefreshable(through.get());
            apply(Customers.REFRESH_SET, -1, Map.of());
            template.update("DELETE FROM dashboard_customer_months WHERE "
                    + Customers.REFRESH_SET.on("customer_id"));
            template.update("DELETE FROM dashboard_customers WHERE " + Customers.REFRESH_SET.on("customer_id"));
            build.orderState(Customers.REFRESH_SET, Map.of());
            apply(Customers.REFRESH_SET, 1, Map.of());
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
        Optional<Long> through = refreshableThrough();
        if (through.isEmpty() || through.get() == 0) {
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
        keepRefreshable(through.get());
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

    /**
     * Discarded figures stay so until whoever discarded them rebuilds them. A rebuild in progress may have passed
     * customers whose data changed, so it is followed by another. No figure counts events; when only orders changed,
     * what customers and the ledger decide is kept ({@link #rebuildOrderFigures}).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AllCustomerDataChanged event) {
        if (!event.changed(Part.CUSTOMERS) && !event.changed(Part.ORDERS)) {
            return;
        }
        if (built() && event.customersUnchanged()) {
            event.recompute("dashboard-figures", this::rebuildOrderFigures);
        } else if (built() || jdbc.sql("SELECT COUNT(*) FROM dashboard_rebuild").query(Long.class).single() > 0) {
            event.recompute("dashboard-figures", this::rebuildAll);
        } else {
            firstLoad.discard();
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
    private void apply(Customers customers, int sign, Map<String, ?> range) {
        applyOrderFigures(customers, sign, range);
        applyStatement("history", FigureStatements.history(customers, false), sign, range);
        applyStatement("run counts", FigureStatements.runCounts(customers, false), sign, range);
        applyStatement("created", FigureStatements.created(customers), sign, range);
        for (KeptMatrix matrix : keptMatrices(null)) {
            migration(customers, matrix, sign, range);
        }
    }

    /** The aggregates summed from the customers' order months and lifetime revenue ({@link FigureBuild#ORDER_FIGURE_TABLES}). */
    private void applyOrderFigures(Customers customers, int sign, Map<String, ?> range) {
        applyStatement("activity", FigureStatements.activity(customers, false, false), sign, range);
        applyStatement("activity by tier", FigureStatements.activity(customers, true, false), sign, range);
        applyStatement("spend", FigureStatements.spend(customers), sign, range);
    }

    private void applyStatement(String step, String statement, int sign, Map<String, ?> range) {
        build.timed(step, () -> jdbc.sql(statement).param("sign", sign).params(range).update());
    }

    /** Adds or subtracts what the customers of the refresh set contribute to one scheme's tier figures. */
    private void applyTiers(long schemeId, int sign) {
        jdbc.sql(FigureStatements.activity(Customers.REFRESH_SET, true, true)).param("sign", sign)
                .param("scheme", schemeId).update();
        for (KeptMatrix matrix : keptMatrices(schemeId)) {
            migration(Customers.REFRESH_SET, matrix, sign, Map.of());
        }
    }

    private void migration(Customers customers, KeptMatrix matrix, int sign, Map<String, ?> range) {
        jdbc.sql(FigureStatements.migration(customers)).param("sign", sign).param("scheme", matrix.schemeId())
                .param("since", matrix.runId()).param("bound", matrix.ledgerBound()).params(range).update();
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
     * ({@code justRun}); for an older run (a rebuild) it is computed with every customer's other figures.
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
        }
    }

    /** On a rebuild, before any figure: the matrices to keep are those of each scheme's latest succeeded runs. */
    private void markKeptMatrices() {
        template.update("UPDATE dashboard_migration_runs SET kept = FALSE");
        for (long schemeId : jdbc.sql("SELECT id FROM tiering_schemes").query(Long.class).list()) {
            List<Long> runs = jdbc.sql("SELECT id FROM tiering_runs WHERE scheme_id = :scheme"
                            + " AND status = 'succeeded' ORDER BY id DESC LIMIT :kept")
                    .param("scheme", schemeId).param("kept", KEPT_MATRICES).query(Long.class).list();
            for (long runId : runs) {
                // the bounds recorded when the runs committed
                keepMatrix(schemeId, runId, LedgerBounds.of(jdbc, schemeId, runId), false);
            }
            forgetOldMatrices(schemeId);
        }
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
