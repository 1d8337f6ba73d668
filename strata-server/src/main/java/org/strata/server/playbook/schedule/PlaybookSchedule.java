package org.strata.server.playbook.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.playbook.StayTriggers;
import org.strata.server.playbook.task.SlaMonitor;
import org.strata.server.playbook.warning.WarningScanner;

/**
 * Runs the time-driven triggers: stays and SLA checks (with task escalation) every {@code strata.playbook.check-interval}
 * (15 minutes by default), churn signals every {@code strata.playbook.warning-interval} (daily). The first round
 * comes one interval after start; each can also be run on demand through the API.
 */
@Component
class PlaybookSchedule implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlaybookSchedule.class);

    private final StayTriggers stays;
    private final SlaMonitor sla;
    private final WarningScanner warnings;
    private final PlaybookTime time;
    private final Duration checkInterval;
    private final Duration warningInterval;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    PlaybookSchedule(StayTriggers stays, SlaMonitor sla, WarningScanner warnings, PlaybookTime time,
                     @Value("${strata.playbook.check-interval:PT15M}") Duration checkInterval,
                     @Value("${strata.playbook.warning-interval:PT24H}") Duration warningInterval) {
        this.stays = stays;
        this.sla = sla;
        this.warnings = warnings;
        this.time = time;
        this.checkInterval = checkInterval;
        this.warningInterval = warningInterval;
    }

    @Override
    public synchronized void start() {
        // a new scheduler per start: a stopped context (tests pause cached ones) can be started again
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "playbook-schedule");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        scheduler.scheduleWithFixedDelay(() -> guarded("stays and SLA check", () -> {
            stays.fire(time.now());
            sla.check(time.now());
        }), checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("churn warning scan", () -> warnings.scan(time.now())),
                warningInterval.toMillis(), warningInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // the next round tries again; nothing was half-written (each round is one transaction)
            log.warn("playbook {} failed: {}", what, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
    }
}
