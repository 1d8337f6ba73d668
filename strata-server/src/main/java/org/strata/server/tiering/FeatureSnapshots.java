package org.strata.server.tiering;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the features of all customers for the current as-of date in memory, so dry runs answer while a user types.
 * Dropped when data changes ({@link #invalidate}, called on {@link CustomerDataChanged}), when another date is asked
 * for, and after a time to live, for writers that change data without telling.
 */
@Component
class FeatureSnapshots {

    private final FeatureSource source;
    private final TieringTime time;
    private final Duration timeToLive;
    private FeatureSnapshot cached;
    private long generation;

    FeatureSnapshots(FeatureSource source, TieringTime time,
                     @Value("${strata.tiering.feature-cache-ttl:PT10M}") Duration timeToLive) {
        this.source = source;
        this.time = time;
        this.timeToLive = timeToLive;
    }

    /** The features of every customer as of {@code asOf}, from the cache when it is still valid. */
    FeatureSnapshot all(LocalDate asOf) {
        long seen;
        synchronized (this) {
            if (cached != null && cached.asOf().equals(asOf)
                    && cached.loadedAt().plus(timeToLive).isAfter(time.now())) {
                return cached;
            }
            seen = generation;
        }
        // loaded outside the lock so an invalidation arriving meanwhile is not blocked behind a long load
        FeatureSnapshot loaded = source.loadAll(asOf);
        synchronized (this) {
            if (generation == seen) {
                cached = loaded;
            }
        }
        return loaded;
    }

    FeatureSnapshot customers(LocalDate asOf, Collection<Long> customerIds) {
        return source.loadCustomers(asOf, customerIds);
    }

    Set<String> modelColumns() {
        return source.modelColumns();
    }

    synchronized void invalidate() {
        cached = null;
        generation++;
    }
}
