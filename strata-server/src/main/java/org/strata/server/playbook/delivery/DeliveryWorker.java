package org.strata.server.playbook.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.PlaybookRecorder;
import org.strata.server.playbook.PlaybookTime;

/**
 * Carries out the outbox: claims due deliveries, performs them (in parallel across entries, in action order within
 * one entry, so "assign the owner" runs before "create a task for the owner"), and records each attempt. Wakes up at
 * once when a transaction recorded new deliveries, else polls. On start it simply resumes: the outbox is the truth.
 */
@Component
class DeliveryWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final DeliveryProperties settings;
    private final PlaybookTime time;
    private final Backoff backoff;
    private final Map<ActionKind, ActionPerformer> performers = new EnumMap<>(ActionKind.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private final ExecutorService pool;

    DeliveryWorker(DeliveryQueue queue, DeliveryProperties settings, PlaybookTime time,
                   List<ActionPerformer> performers) {
        this.queue = queue;
        this.settings = settings;
        this.time = time;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetryDelay());
        performers.forEach(p -> p.kinds().forEach(k -> this.performers.put(k, p)));
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "playbook-delivery-call");
            t.setDaemon(true);
            return t;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PlaybookRecorder.DeliveriesRecorded recorded) {
        wakeUp();
    }

    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Claims and carries out one batch of due deliveries; returns how many were attempted. */
    int deliverDue() {
        List<Delivery> claimed = queue.claim(time.now(), settings.batchSize(), settings.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, List<Delivery>> byEntry = new LinkedHashMap<>();
        claimed.forEach(d -> byEntry.computeIfAbsent(d.entryId(), e -> new ArrayList<>()).add(d));
        List<CompletableFuture<List<Attempt>>> work = byEntry.values().stream()
                .map(group -> CompletableFuture.supplyAsync(() -> group.stream().map(this::attempt).toList(), pool))
                .toList();
        List<Attempt> attempts = work.stream().flatMap(f -> f.join().stream()).toList();
        List<Long> failed = attempts.stream().filter(a -> a.outcome() instanceof Outcome.Retry)
                .map(a -> a.delivery().id()).toList();
        Map<Long, Instant> deadlines = failed.isEmpty() ? Map.of() : queue.retryDeadlines(failed, settings.retryFor());
        queue.record(attempts.stream().map(a -> {
            Instant retryAt = a.at().plus(backoff.after(a.delivery().attempts() + 1));
            Instant deadline = deadlines.get(a.delivery().id());
            return new DeliveryQueue.Result(a.delivery(), a.outcome(), a.at(), retryAt,
                    deadline != null && retryAt.isAfter(deadline));
        }).toList());
        return claimed.size();
    }

    private record Attempt(Delivery delivery, Outcome outcome, Instant at) {
    }

    private Attempt attempt(Delivery delivery) {
        ActionPerformer performer = performers.get(delivery.kind());
        Outcome outcome;
        if (performer == null) {
            outcome = new Outcome.Failed(null, delivery.kind() == ActionKind.EMAIL
                    ? "e-mail is not configured: set spring.mail.host (and spring.mail.username/password)"
                    : "no performer for " + delivery.kind().code());
        } else {
            try {
                outcome = performer.perform(delivery);
            } catch (RuntimeException e) {
                outcome = new Outcome.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Attempt(delivery, outcome, time.now());
    }

    private void loop() {
        while (running) {
            try {
                if (deliverDue() > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                // the database may be briefly away; the outbox keeps everything, so try again after the pause
                log.warn("playbook delivery round failed: {}", e.getMessage());
            }
            pause();
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (!woken && running) {
                wake.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "playbook-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(settings.requestTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
