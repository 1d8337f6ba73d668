package org.strata.server.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.quality.QualityStatements.Customers;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.SuspendedIndexes;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * Recomputes every maintained quality figure from the base tables, in committed chunks of customers by id.
 * <p>
 * Why chunks: H2 keeps a transaction's uncommitted rows in the heap, and one transaction writing a contribution row
 * per customer ran a 512 MB heap out of memory at a million customers. Each chunk replaces the contributions and
 * findings of its id range and adds their sums to the figures; the first chunk marks the figures as not built (the
 * report reads the base tables meanwhile), the last adds the orders and events of no customer and marks them built.
 * The lock row records the last id rebuilt ({@code rebuilt_through}, V52), so a refresh committed between two chunks
 * applies to the customers already rebuilt and only recomputes the rows of the others, which their chunk adds to
 * the figures (and recomputes again if it rebuilds what the refresh changed).
 * A rebuild cut short (a crash, a restart) leaves the figures not built, and the next one starts over.
 * <p>
 * When one chunk holds everyone (PostgreSQL by default: it keeps a transaction's rows on disk) the rebuild is one
 * transaction that empties the tables with TRUNCATE instead of deleting a million rows, writes them with their indexes
 * dropped and builds the indexes once at the end (see {@link SuspendedIndexes}), with the memory to group a million
 * customers in one pass.
 * <p>
 * After a bulk load of orders or events no customer row, identifier or merge changed, so checking every phone and
 * email again (a fifth of a full rebuild at 1M) is wasted. Such a rebuild replaces only the rows derived from the
 * parts that changed ({@link QualityStatements#derivedFrom}): it deletes them by kind (the other rows stay) and writes
 * them anew, then adds every row up into the emptied figures. On PostgreSQL the indexes are dropped and built again
 * as for a full rebuild (docs/import-performance.md, "Round 6").
 * <p>
 * After a first bulk load of orders on PostgreSQL the orders' rows come from the counts made while the orders were
 * copied ({@link ObservedOrdersRebuild}), when the stored orders are provably still those counted; the counts are
 * taken by whichever rebuild comes first, and used only by one of the orders alone.
 */
@Component
class QualityRebuild {

    private static final Logger log = LoggerFactory.getLogger(QualityRebuild.class);
    /** Each step's time at DEBUG, to see where a rebuild's seconds go. */
    private static final BulkSteps STEPS = new BulkSteps(log, "quality rebuild");

    /** Customers per chunk on H2 unless configured: about 100,000 rows of contributions and findings per commit. */
    static final int H2_CHUNK = 50_000;

    private static final List<String> REBUILT_TABLES = List.of("quality_contributions", "quality_findings");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;
    private final QualityStatements statements;
    private final ObservedOrders observedOrders;
    private final ObservedOrdersRebuild fromObservedOrders;
    private final TransactionTemplate transaction;
    private final boolean postgres;
    private final int chunk;

    QualityRebuild(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, QualityStatements statements,
                   ObservedOrders observedOrders, ObservedOrdersRebuild fromObservedOrders,
                   PlatformTransactionManager transactions,
                   @Value("${strata.quality.rebuild-chunk:0}") int configuredChunk) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.statements = statements;
        this.observedOrders = observedOrders;
        this.fromObservedOrders = fromObservedOrders;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = dialect instanceof PostgresDialect;
        this.chunk = configuredChunk > 0 ? configuredChunk : postgres ? Integer.MAX_VALUE : H2_CHUNK;
    }

    /**
     * Rebuilds what is derived from the {@code changed} parts of the data and keeps the rest (see the class comment);
     * {@code afterChunk} is told the last customer id of each committed chunk but the last. One rebuild at a time: a
     * second caller waits and then rebuilds again, from the data as it is then.
     */
    synchronized void run(Set<Part> changed, Consumer<Long> afterChunk) {
        long started = System.nanoTime();
        // Figures left not built (a rebuild cut short) may hold a customer's rows from before a change that rebuild
        // was to apply: only a rebuild of everything makes them right.
        Set<Part> parts = built() ? changed : QualityStatements.EVERY_PART;
        // taken whatever this rebuild is: counts left for a later one would describe orders since replaced
        ObservedOrders.Load observed = observedOrders.take();
        if (observed != null && parts.equals(Set.of(Part.ORDERS)) && chunk == Integer.MAX_VALUE
                && Boolean.TRUE.equals(transaction.execute(status -> rebuiltFrom(observed)))) {
            log.info("quality figures rebuilt in {} ms from the orders counted while they were loaded",
                    (System.nanoTime() - started) / 1_000_000);
            return;
        }
        long first = Long.MIN_VALUE;
        int chunks = 0;
        while (true) {
            long from = first;
            boolean opening = chunks == 0;
            long last = transaction.execute(status -> rebuildChunk(from, opening, parts));
            chunks++;
            if (last == Long.MAX_VALUE) {
                break;
            }
            afterChunk.accept(last);
            first = last + 1;
        }
        log.info("quality figures rebuilt in {} ms ({} chunk{}, derived from {})",
                (System.nanoTime() - started) / 1_000_000, chunks, chunks == 1 ? "" : "s", parts);
    }

    /** Rebuilds the orders' rows from the counts of their load, if the orders are still those; else false. */
    private boolean rebuiltFrom(ObservedOrders.Load observed) {
        template.update(QualityStatements.LOCK);
        if (!built() || !fromObservedOrders.stillStored(observed)) {
            return false;
        }
        fromObservedOrders.rebuild(observed);
        return true;
    }

    /**
     * Rebuilds the rows derived from {@code parts} of the customers from {@code first} to the end of the chunk and
     * adds all their rows to the figures; returns the chunk's last id.
     */
    private long rebuildChunk(long first, boolean opening, Set<Part> parts) {
        template.update(QualityStatements.LOCK);
        long last = lastOfChunk(first);
        boolean closing = last == Long.MAX_VALUE;
        boolean everyone = opening && closing;
        boolean everything = parts.containsAll(QualityStatements.EVERY_PART);
        if (opening) {
            STEPS.run("figures emptied", () -> empty(everyone && everything));
        }
        SuspendedIndexes indexes = null;
        if (everyone && postgres) {
            // the bulk import's settings: a million customers grouped in memory, indexes built once at the end
            // instead of row by row (also when the rows of customers are kept: a million rows inserted into the
            // customer_id index in hash order cost more than building it over two million)
            template.execute("SET LOCAL work_mem = '128MB'");
            indexes = SuspendedIndexes.suspend(template, REBUILT_TABLES);
        }
        Customers customers = everyone ? Customers.ALL : Customers.RANGE;
        // in one chunk the waiting rows are deleted and added up with everyone's: one pass over each table, not two
        Customers replaced = everyone ? Customers.ALL_AND_WAITING : Customers.RANGE;
        Map<String, Object> range = Map.of("first", first, "last", last);
        if (!(everyone && everything)) {
            STEPS.run("old rows deleted", () -> delete(replaced, parts, range));
        }
        STEPS.run("customers recomputed", () -> statements.recompute(jdbc, customers, parts, range));
        if (closing) {
            STEPS.run("waiting orders and events", () -> {
                if (!everyone) {
                    delete(Customers.WAITING, parts, Map.of());
                }
                statements.recompute(jdbc, Customers.WAITING, parts, Map.of());
                if (!everyone) {
                    add(Customers.WAITING, Map.of());
                }
            });
        }
        // the kept rows are added with the recomputed ones: the figures were emptied
        STEPS.run("rows added up", () -> add(replaced, range));
        if (closing) {
            if (!everyone) {
                QualityFigures.FIGURES.compact(template, dialect);
            }
            if (indexes != null) {
                SuspendedIndexes restored = indexes;
                STEPS.run("indexes built", () -> restored.restore("256MB"));
            }
            for (String table : REBUILT_TABLES) {
                template.execute(dialect.analyze(table));
            }
            template.update("INSERT INTO quality_built (id, built_at) VALUES (1, CURRENT_TIMESTAMP)");
            template.update("UPDATE quality_refresh_lock SET rebuilt_through = NULL WHERE id = 1");
        } else {
            template.update("UPDATE quality_refresh_lock SET rebuilt_through = ? WHERE id = 1", last);
        }
        return last;
    }

    /**
     * Marks the figures not built and empties them; the contributions and findings too when everything of everyone
     * is rebuilt in one chunk (otherwise each chunk replaces its own, so no transaction deletes a million rows).
     */
    private void empty(boolean everyRow) {
        template.update("DELETE FROM quality_built");
        template.update("UPDATE quality_refresh_lock SET rebuilt_through = NULL WHERE id = 1");
        template.update("DELETE FROM quality_figures");
        if (everyRow) {
            for (String table : REBUILT_TABLES) {
                // TRUNCATE is transactional on PostgreSQL; on H2 it would commit, so H2 deletes (a small database)
                template.update((postgres ? "TRUNCATE TABLE " : "DELETE FROM ") + table);
            }
        }
    }

    boolean built() {
        return jdbc.sql("SELECT COUNT(*) FROM quality_built").query(Long.class).single() > 0;
    }

    /** The id that ends the chunk starting at {@code first}: the chunk-th customer from there, or the end of ids. */
    private long lastOfChunk(long first) {
        if (chunk == Integer.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        List<Long> next = jdbc.sql("SELECT id FROM customers WHERE id >= :first ORDER BY id"
                        + " OFFSET :chunk ROWS FETCH NEXT 1 ROWS ONLY")
                .param("first", first).param("chunk", chunk).query(Long.class).list();
        return next.isEmpty() ? Long.MAX_VALUE : next.get(0) - 1;
    }

    private void delete(Customers customers, Set<Part> parts, Map<String, Object> params) {
        for (String table : REBUILT_TABLES) {
            jdbc.sql(QualityStatements.delete(table, customers, parts)).params(params).update();
        }
    }

    private void add(Customers customers, Map<String, Object> params) {
        Map<String, Object> signed = new HashMap<>(params);
        signed.put("sign", 1);
        jdbc.sql(QualityStatements.apply(customers)).params(signed).update();
    }
}
