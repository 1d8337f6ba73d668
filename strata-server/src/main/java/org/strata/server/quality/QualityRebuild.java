package org.strata.server.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Recomputes every maintained quality figure from the base tables, in committed chunks of customers by id.
 * <p>
 * Why chunks: H2 keeps a transaction's uncommitted rows in the heap, and one transaction writing a contribution row
 * per customer ran a 512 MB heap out of memory at a million customers. Each chunk replaces the contributions and
 * findings of its id range and adds their sums to the figures; the first chunk marks the figures as not built (the
 * report reads the base tables meanwhile), the last adds the orders and events of no customer and marks them built.
 * The lock row records the last id rebuilt ({@code rebuilt_through}, V52), so a refresh committed between two chunks
 * applies to the customers already rebuilt and leaves the others to their chunk, which reads the data after it.
 * A rebuild cut short (a crash, a restart) leaves the figures not built, and the next one starts over.
 * <p>
 * When one chunk holds everyone (PostgreSQL by default: it keeps a transaction's rows on disk) the rebuild is one
 * transaction that empties the tables with TRUNCATE instead of deleting a million rows, writes them with their indexes
 * dropped and builds the indexes once at the end (see {@link SuspendedIndexes}), with the memory to group a million
 * customers in one pass.
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
    private final TransactionTemplate transaction;
    private final boolean postgres;
    private final int chunk;

    QualityRebuild(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, QualityStatements statements,
                   PlatformTransactionManager transactions,
                   @Value("${strata.quality.rebuild-chunk:0}") int configuredChunk) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.statements = statements;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = dialect instanceof PostgresDialect;
        this.chunk = configuredChunk > 0 ? configuredChunk : postgres ? Integer.MAX_VALUE : H2_CHUNK;
    }

    /**
     * Rebuilds everything; {@code afterChunk} is told the last customer id of each committed chunk but the last.
     * One rebuild at a time: a second caller waits and then rebuilds again, from the data as it is then.
     */
    synchronized void run(Consumer<Long> afterChunk) {
        long started = System.nanoTime();
        long first = Long.MIN_VALUE;
        int chunks = 0;
        while (true) {
            long from = first;
            boolean opening = chunks == 0;
            long last = transaction.execute(status -> rebuildChunk(from, opening));
            chunks++;
            if (last == Long.MAX_VALUE) {
                break;
            }
            afterChunk.accept(last);
            first = last + 1;
        }
        log.info("quality figures rebuilt in {} ms ({} chunk{})", (System.nanoTime() - started) / 1_000_000, chunks,
                chunks == 1 ? "" : "s");
    }

    /** Rebuilds the customers from {@code first} to the end of the chunk; returns the chunk's last id. */
    private long rebuildChunk(long first, boolean opening) {
        template.update(QualityStatements.LOCK);
        long last = lastOfChunk(first);
        boolean closing = last == Long.MAX_VALUE;
        boolean everyone = opening && closing;
        if (opening) {
            STEPS.run("figures emptied", () -> empty(everyone));
        }
        SuspendedIndexes indexes = null;
        if (everyone && postgres) {
            // the bulk import's settings: a million customers grouped in memory, indexes built once
            template.execute("SET LOCAL work_mem = '128MB'");
            indexes = SuspendedIndexes.suspend(template, REBUILT_TABLES);
        }
        Customers customers = everyone ? Customers.ALL : Customers.RANGE;
        Map<String, Object> range = Map.of("first", first, "last", last);
        if (!everyone) {
            STEPS.run("old rows of the chunk deleted", () -> delete(customers, range));
        }
        STEPS.run("customers recomputed", () -> statements.recompute(jdbc, customers, range));
        STEPS.run("customers added up", () -> add(customers, range));
        if (closing) {
            if (!everyone) {
                delete(Customers.WAITING, Map.of());
            }
            STEPS.run("waiting orders and events", () -> {
                statements.recompute(jdbc, Customers.WAITING, Map.of());
                add(Customers.WAITING, Map.of());
            });
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
     * Marks the figures not built and empties them; the contributions and findings too when the rebuild is one
     * chunk (otherwise each chunk replaces its own, so no transaction deletes a million rows).
     */
    private void empty(boolean everyone) {
        template.update("DELETE FROM quality_built");
        template.update("UPDATE quality_refresh_lock SET rebuilt_through = NULL WHERE id = 1");
        template.update("DELETE FROM quality_figures");
        if (everyone) {
            for (String table : REBUILT_TABLES) {
                // TRUNCATE is transactional on PostgreSQL; on H2 it would commit, so H2 deletes (a small database)
                template.update((postgres ? "TRUNCATE TABLE " : "DELETE FROM ") + table);
            }
        }
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

    private void delete(Customers customers, Map<String, Object> params) {
        for (String table : REBUILT_TABLES) {
            jdbc.sql(QualityStatements.delete(table, customers)).params(params).update();
        }
    }

    private void add(Customers customers, Map<String, Object> params) {
        Map<String, Object> signed = new HashMap<>(params);
        signed.put("sign", 1);
        jdbc.sql(QualityStatements.apply(customers)).params(signed).update();
    }
}
