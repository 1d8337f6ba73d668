package org.strata.server.tiering;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 *
 * <p>The event says which {@link Part}s of the data changed, so that a listener whose figures are derived from
 * several parts can keep what is derived from the parts that did not change (a load of orders leaves every
 * customer's phone and email as they were).
 */
public final class AllCustomerDataChanged {

    private static final Logger log = LoggerFactory.getLogger(AllCustomerDataChanged.class);

    /** What a change of all customers may have touched. */
    public enum Part {
        /**
         * Customer rows, their identifiers and merges. A merge, or a new customer that waiting orders and events are
         * linked to, moves orders and events between customers, so whatever is derived from orders or events per
         * customer may have changed as well.
         */
        CUSTOMERS,
        /** Orders (and the order lines they are aggregated from), with the customers' order figures. */
        ORDERS,
        /** Events. */
        EVENTS
    }

    private final List<CompletableFuture<Void>> recomputations = new ArrayList<>();
    private final boolean alongside;
    private final Set<Part> changed;

    private AllCustomerDataChanged(boolean alongside, Set<Part> changed) {
        this.alongside = alongside;
        this.changed = Set.copyOf(changed);
    }

    /** Whether {@code part} of the data may have changed. */
    public boolean changed(Part part) {
        return changed.contains(part);
    }

    /** Whether only orders and events changed: every customer row, identifier and merge is as it was. */
    public boolean customersUnchanged() {
        return !changed(Part.CUSTOMERS);
    }

    /**
     * As {@link #publishAndAwait(ApplicationEventPublisher, boolean, Set)} when anything may have changed.
     */
    public static void publishAndAwait(ApplicationEventPublisher events, boolean alongside) {
        publishAndAwait(events, alongside, EnumSet.allOf(Part.class));
    }

    /**
     * Announces the change and waits for every recomputation a listener started; the first failure among them is
     * thrown once all have ended. Outside a transaction the listeners run during {@code publishEvent}; inside one they
     * run after its commit, when nobody waits for them any more: publish this after committing.
     *
     * @param alongside whether the listeners' recomputations run at the same time (else each in turn, at once)
     * @param changed   the parts of the data that changed (not empty)
     */
    public static void publishAndAwait(ApplicationEventPublisher events, boolean alongside, Set<Part> changed) {
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("a change of all customers changes at least one part of the data");
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the listeners would start after the commit, unawaited, racing whatever the caller does next
            throw new IllegalStateException("publish AllCustomerDataChanged after the transaction has committed");
        }
        AllCustomerDataChanged change = new AllCustomerDataChanged(alongside, changed);
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
