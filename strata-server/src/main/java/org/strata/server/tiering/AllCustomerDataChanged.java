package org.strata.server.tiering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Published when more customers changed than are worth listing (a bulk import, the demo company): whatever is derived
 * from customers, orders or merges must be recomputed for everyone. Listened to after the publishing transaction
 * commits (or at once outside one).
 *
 * <p>The recomputations are independent of each other (the dashboard's figures, the quality report's) and each is
 * one database session busy with set-based statements, so a listener hands its work to {@link #recompute} and, where
 * the database allows ({@code SqlDialect#recomputesAlongside}), they run at the same time, one per core, instead of
 * one after the other; {@link #publishAndAwait} returns when all of them have finished, so whoever announced the
 * change (an import, the demo set-up) goes on with every figure up to date, as when the listeners ran in turn.
 */
public final class AllCustomerDataChanged {

    private static final Logger log = LoggerFactory.getLogger(AllCustomerDataChanged.class);

    private final List<CompletableFuture<Void>> recomputations = new ArrayList<>();
    private final boolean alongside;

    private AllCustomerDataChanged(boolean alongside) {
        this.alongside = alongside;
    }

    /**
     * Announces the change and waits for every recomputation a listener started; the first failure among them is
     * thrown once all have ended. Outside a transaction the listeners run during {@code publishEvent}; inside one they
     * run after its commit, when nobody waits for them any more: publish this after committing.
     *
     * @param alongside whether the listeners' recomputations run at the same time (else each in turn, at once)
     */
    public static void publishAndAwait(ApplicationEventPublisher events, boolean alongside) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the listeners would start after the commit, unawaited, racing whatever the caller does next
            throw new IllegalStateException("publish AllCustomerDataChanged after the transaction has committed");
        }
        AllCustomerDataChanged change = new AllCustomerDataChanged(alongside);
        events.publishEvent(change);
        change.awaitRecomputations();
    }

    /**
     * Runs {@code work} on a thread of its own, alongside the other listeners' recomputations, or at once when they
     * run in turn.
     */
    public synchronized void recompute(String name, Runnable work) {
        if (!alongside) {
            work.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                log.warn("recomputing {} after a change of all customers failed", name, e);
                done.completeExceptionally(e);
            }
        }, "strata-recompute-" + name);
        thread.setDaemon(true);
        recomputations.add(done);
        thread.start();
    }

    private void awaitRecomputations() {
        List<CompletableFuture<Void>> started;
        synchronized (this) {
            started = List.copyOf(recomputations);
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> recomputation : started) {
            try {
                recomputation.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
