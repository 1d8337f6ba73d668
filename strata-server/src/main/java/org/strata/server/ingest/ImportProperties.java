package org.strata.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize rows written per transaction: large enough that per-statement overhead vanishes, small enough
 *                  that a batch (and its rollback) stays a few megabytes; when not set, the database's own default
 *                  ({@link org.strata.server.sql.SqlDialect#importBatchSize()})
 * @param bulk      when a file is loaded in bulk (one transaction, indexes rebuilt, see {@link BulkImport}) instead of
 *                  in batches: {@code auto} (default) for large files into small tables, {@code always} or
 *                  {@code never}; only on PostgreSQL, and only customers and orders
 */
@ConfigurationProperties("strata.import")
public record ImportProperties(Integer batchSize, BulkMode bulk) {

    public ImportProperties {
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("strata.import.batch-size must be at least 1, was " + batchSize);
        }
        if (bulk == null) {
            bulk = BulkMode.AUTO;
        }
    }

    public enum BulkMode {
        AUTO, ALWAYS, NEVER
    }
}
