package org.strata.server.tiering;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings the tiers of customers whose orders or events just arrived up to date within seconds. Changes are gathered
 * for a short moment (an import of 10,000 orders becomes one update, not 10,000), then every published scheme with
 * live updates re-places exactly those customers.
 */
@Component
public class TieringLiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TieringLiveUpdates.class);

    private final SchemeStore schemes;
    private final TieringRunner runner;
    private final FeatureSnapshots features;
    private final long gatherMillis;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tiering-live");
        thread.setDaemon(true);
        return thread;
    });
    private Set<Long> pending = new HashSet<>();
    private boolean flushScheduled;

    TieringLiveUpdates(SchemeStore schemes, TieringRunner runner, FeatureSnapshots features,
                       @Value("${strata.tiering.live-gather-ms:300}") long gatherMillis) {
        this.schemes = schemes;
        this.runner = runner;
        this.features = features;
        this.gatherMillis = gatherMillis;
    }

    /** Call after the data of these customers changed (and was committed). Returns at once. */
    public void customersChanged(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        features.invalidate();
        synchronized (this) {
            pending.addAll(customerIds);
            if (!flushScheduled) {
                flushScheduled = true;
                worker.schedule(this::flush, gatherMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Call after a change too large to re-tier customer by customer (a bulk import): cached features are dropped at
     * once, and memberships catch up at the scheme's next scheduled or on-demand run.
     */
    public void bulkDataChanged() {
        features.invalidate();
    }

    /** Ingestion publishes {@link CustomerDataChanged} in its transaction; act once it has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerDataChanged event) {
        customersChanged(event.customerIds());
    }

    /**
     * Applies the changes gathered so far at once and returns when they are applied (a failed scheme is logged as in
     * a timed round): for a caller that needs the tiers settled before it goes on, such as a clean-up that deletes
     * what live runs write.
     */
    public void applyGathered() {
        try {
            worker.submit(this::flush).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("live tiering update failed", e.getCause());
        }
    }

    private void flush() {
        Set<Long> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashSet<>();
            flushScheduled = false;
        }
        if (batch.isEmpty()) {
            // applyGathered() took the batch before the timed round came
            return;
        }
        for (SchemeStore.StoredScheme scheme : schemes.list()) {
            if (scheme.liveUpdates() && scheme.publishedVersion() != null) {
                try {
                    runner.runFor(scheme.key(), batch);
                } catch (RuntimeException e) {
                    // one broken scheme must not keep the others stale; the failed run is in the history
                    log.warn("live update of scheme {} for {} customers failed: {}", scheme.key(), batch.size(),
                            e.getMessage());
                }
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
