package org.strata.server.tiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.table.FeatureTable;

/**
 * The features of customers as of one date, loaded from the database: row {@code i} of {@code table} is the customer
 * {@code customerIds[i]}; ids ascend, so a customer's row is found by binary search without a 1,000,000-entry map.
 */
record FeatureSnapshot(LocalDate asOf, FeatureTable table, long[] customerIds, List<FeatureDefinition> definitions,
                       Instant loadedAt) {

    /** The row of {@code customerId}, or -1 when the snapshot does not hold that customer. */
    int rowOf(long customerId) {
        int row = Arrays.binarySearch(customerIds, customerId);
        return row >= 0 ? row : -1;
    }

    int size() {
        return customerIds.length;
    }

    FeatureCatalog catalog() {
        return new FeatureCatalog(definitions);
    }
}
