package org.strata.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize rows written per transaction: large enough that per-statement overhead vanishes, small enough
 *                  that a batch (and its rollback) stays a few megabytes; when not set, the database's own default
 *                  ({@link org.strata.server.sql.SqlDialect#importBatchSize()})
 * @param bulk      when a file is loaded in bulk (one transaction, indexes rebuilt, see {@link BulkImport}) instead of
 *                  in batches: {@code auto} (default) for large files into small tables, {@code always} or
 *                  {@code never}; only on PostgreSQL, and only customers and orders
 * @param bulkRepeatedKeys how many keys met more than once a bulk load of customers remembers (about 150 bytes of heap
 *                  each) so that only those are grouped in SQL; past that it groups all the file's keys, as a file
 *                  that holds every customer twice needs. Default 100,000
 * @param bulkIdentifiersInMemory how many stored identifiers a bulk load of orders into an empty table holds in
 *                  memory (about 40 bytes of heap each) to name each order's customer while copying it; the orders of
 *                  kinds past that are linked to their customers by a join afterwards. Default 2,000,000
 */
@ConfigurationProperties("strata.import")
public record ImportProperties(Integer batchSize, BulkMode bulk, Integer bulkRepeatedKeys,
                               Integer bulkIdentifiersInMemory) {

    public ImportProperties {
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("strata.import.batch-size must be at least 1, was " + batchSize);
        }
        if (bulk == null) {
            bulk = BulkMode.AUTO;
        }
        if (bulkRepeatedKeys == null) {
            bulkRepeatedKeys = 100_000;
        } else if (bulkRepeatedKeys < 0) {
            throw new IllegalArgumentException("strata.import.bulk-repeated-keys must not be negative, was "
                    + bulkRepeatedKeys);
        }
        if (bulkIdentifiersInMemory == null) {
            bulkIdentifiersInMemory = 2_000_000;
        } else if (bulkIdentifiersInMemory < 0) {
            throw new IllegalArgumentException("strata.import.bulk-identifiers-in-memory must not be negative, was "
                    + bulkIdentifiersInMemory);
        }
    }

    public enum BulkMode {
        AUTO, ALWAYS, NEVER
    }
}
