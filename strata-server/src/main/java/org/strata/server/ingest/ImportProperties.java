package org.strata.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize rows written per transaction: large enough that per-statement overhead vanishes, small enough
 *                  that a batch (and its rollback) stays a few megabytes
 */
@ConfigurationProperties("strata.import")
public record ImportProperties(@DefaultValue("20000") int batchSize) {

    public ImportProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("strata.import.batch-size must be at least 1, was " + batchSize);
        }
    }
}
