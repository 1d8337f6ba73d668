package org.strata.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SuspendedIndexes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How main (13bc3d0) rebuilt the suspended indexes, IndexBuildBench's baseline: main's index definitions (put back
 * inside the measuring transaction when this branch's migrations changed them) and main's SuspendedIndexes.restore,
 * every index in the catalogue's name order with 256MB of maintenance_work_mem and up to 2 parallel workers.
 */
final class MainDefinitions {

    private MainDefinitions() {
    }

    /** Main's definition of each index this branch redefined (V16, V17). */
    private static final Map<String, String> MAIN = Map.of(
            "orders_key", "ALTER TABLE orders ADD CONSTRAINT orders_key UNIQUE (source, order_no)",
            "customer_figures_last_order_at_idx", "CREATE INDEX customer_figures_last_order_at_idx"
                    + " ON customer_figures (last_order_at DESC NULLS LAST, customer_id DESC)",
            "customers_updated_at_idx", "CREATE INDEX customers_updated_at_idx ON customers (updated_at)",
            "orders_updated_at_idx", "CREATE INDEX orders_updated_at_idx ON orders (updated_at)");

    /**
     * Puts main's definitions back, inside the caller's transaction, for the indexes of {@code tables}; not timed.
     * The database is at this branch's schema (IndexBuildBench migrates it first).
     */
    static void apply(JdbcTemplate jdbc, List<String> tables) {
        MAIN.forEach((index, definition) -> {
            String table = jdbc.queryForObject("SELECT tablename FROM pg_indexes WHERE indexname = ?", String.class,
                    index);
            if (tables.contains(table)) {
                jdbc.execute(index.equals("orders_key") ? "ALTER TABLE orders DROP CONSTRAINT orders_key"
                        : "DROP INDEX " + index);
                jdbc.execute(definition);
            }
        });
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
