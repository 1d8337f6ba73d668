package org.strata.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize rows written per transaction: large enough that per-statement overhead vanishes, small enough
 *                  that a batch (and its rollback) stays a few megabytes; when not set, the database's own default
 *                  ({@link org.strata.server.sql.SqlDialect#importBatchSize()})
 */
@ConfigurationProperties("strata.import")
public record ImportProperties(Integer batchSize) {

    public ImportProperties {
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("strata.import.batch-size must be at least 1, was " + batchSize);
        }
    }
}
