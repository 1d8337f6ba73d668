package org.strata.server.playbook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Carries out the outbox as a pipeline: claims due deliveries while earlier ones are still being sent, performs them
 * on a bounded pool (in parallel across entries, in action order within one entry, so "assign the owner" runs before
 * "create a task for the owner"), and records finished attempts in batches as they come in. At most one batch is in
 * flight, so the pool never waits for the slowest call of a batch before the next claim. Wakes up at once when a
 * transaction recorded new deliveries, else polls. On start it simply resumes: the outbox is the truth, and a
 * delivery claimed but not recorded (a crash mid-call) is claimed again once its lease runs out (at least once).
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
    /** Attempts performed but not yet recorded; only the worker's own thread drains it. */
    private final BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The last chained call of each entry with deliveries in flight, so a later action waits for earlier ones. */
    private final Map<Long, CompletableFuture<Void>> entries = new HashMap<>();

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

    /**
     * One turn of the pipeline: records the attempts that finished, then claims as many due deliveries as there is
     * room for and starts them. Returns how many deliveries it recorded or started (0: nothing to do).
     */
    int turn() {
        int recorded = recordFinished();
        int room = settings.batchSize() - inFlight.get();
        // claiming a handful at a time would spend more on queries than on calls
        if (room < Math.max(1, settings.batchSize() / 4)) {
            return recorded;
        }
        List<Delivery> claimed = queue.claim(time.now(), room, settings.lease());
        start(claimed);
        return recorded + claimed.size();
    }

    private void start(List<Delivery> claimed) {
        Map<Long, List<Delivery>> byEntry = new LinkedHashMap<>();
        claimed.forEach(d -> byEntry.computeIfAbsent(d.entryId(), e -> new ArrayList<>()).add(d));
        inFlight.addAndGet(claimed.size());
        entries.values().removeIf(CompletableFuture::isDone);
        byEntry.forEach((entry, group) -> {
            CompletableFuture<Void> before = entries.getOrDefault(entry, CompletableFuture.completedFuture(null));
            // exceptionally: an entry's later actions run even if an earlier call died of an Error
            entries.put(entry, before.exceptionally(e -> null).thenRunAsync(() -> group.forEach(d -> {
                try {
                    finished.add(attempt(d));
                } finally {
                    inFlight.decrementAndGet();
                }
            }), pool));
        });
    }

    /** Records every finished attempt (waiting up to {@code wait} for the first); returns how many. */
    private int recordFinished(Duration wait) {
        List<Attempt> attempts = new ArrayList<>();
        try {
            Attempt first = wait.isZero() ? finished.poll() : finished.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return 0;
            }
            attempts.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        finished.drainTo(attempts);
        record(attempts);
        return attempts.size();
    }

    private int recordFinished() {
        return recordFinished(Duration.ZERO);
    }

    private void record(List<Attempt> attempts) {
        List<Long> failed = attempts.stream().filter(a -> a.outcome() instanceof Outcome.Retry)
                .map(a -> a.delivery().id()).toList();
        Map<Long, Instant> deadlines = failed.isEmpty() ? Map.of() : queue.retryDeadlines(failed, settings.retryFor());
        queue.record(attempts.stream().map(a -> {
            Instant retryAt = a.at().plus(backoff.after(a.delivery().attempts() + 1));
            Instant deadline = deadlines.get(a.delivery().id());
            return new DeliveryQueue.Result(a.delivery(), a.outcome(), a.at(), retryAt,
                    deadline != null && retryAt.isAfter(deadline));
        }).toList());
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
                if (turn() > 0) {
                    continue;
                }
                if (inFlight.get() > 0) {
                    // calls are under way: wait for one to finish rather than poll the database
                    recordFinished(settings.pollInterval());
                    continue;
                }
            } catch (RuntimeException e) {
                // the database may be briefly away; the outbox keeps everything, so try again after the pause
                log.warn("playbook delivery round failed: {}", e.getMessage());
            }
            pause();
        }
        finishInFlight();
    }

    /** On stop: lets the calls under way finish and records them, so a clean restart repeats none of them. */
    private void finishInFlight() {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                recordFinished(Duration.ofMillis(50));
            }
            recordFinished();
        } catch (RuntimeException e) {
            log.warn("could not record the last playbook deliveries; they are retried after their lease: {}",
                    e.getMessage());
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
