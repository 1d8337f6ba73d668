package org.strata.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SuspendedIndexes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How main (fb8aab0) rebuilt the suspended indexes, IndexBuildBench's baseline: main's index definitions (put back
 * inside the measuring transaction where this branch's migrations changed them) and main's SuspendedIndexes.restore,
 * every index in the catalogue's name order with 256MB of maintenance_work_mem and up to 2 parallel workers.
 */
final class MainDefinitions {

    private MainDefinitions() {
    }

    /**
     * Main's keys of customer_identifiers, which V18 changed: the surrogate id as the primary key and the natural key
     * as a unique constraint. The branch's primary key (the natural key) goes first.
     */
    private static final List<String> MAIN_IDENTIFIER_KEYS = List.of(
            "ALTER TABLE customer_identifiers DROP CONSTRAINT customer_identifiers_key",
            "ALTER TABLE customer_identifiers ADD CONSTRAINT customer_identifiers_pkey PRIMARY KEY (id)",
            "ALTER TABLE customer_identifiers ADD CONSTRAINT customer_identifiers_key UNIQUE (id_value, kind, namespace)");

    /**
     * Puts main's definitions back, inside the caller's transaction, for the indexes of {@code tables}; not timed.
     * The database is at this branch's schema (IndexBuildBench migrates it first).
     */
    static void apply(JdbcTemplate jdbc, List<String> tables) {
        if (tables.contains("customer_identifiers")) {
            MAIN_IDENTIFIER_KEYS.forEach(jdbc::execute);
        }
    }

    /** Main's SuspendedIndexes.restore; the milliseconds of each index by name. */
    static Map<String, Long> restore(JdbcTemplate jdbc, IndexDefinitions indexes) {
        jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
        jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 2");
        Map<String, Long> built = new LinkedHashMap<>();
        for (SuspendedIndexes.Index index : indexes.indexes()) {
            long start = System.nanoTime();
            jdbc.execute(index.buildStatement());
            built.put(index.name(), (System.nanoTime() - start) / 1_000_000);
        }
        return built;
    }
}
