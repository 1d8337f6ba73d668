package org.strata.server.tiering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs schemes on their schedules. Schedules live in the database and are registered again at every start; a
 * change through the API re-registers the one scheme. Uses its own scheduler so other features' tasks never wait
 * behind a long run.
 */
@Component
class TieringSchedules implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TieringSchedules.class);

    private final SchemeStore schemes;
    private final TieringRunner runner;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final Map<String, ScheduledFuture<?>> registered = new ConcurrentHashMap<>();

    TieringSchedules(SchemeStore schemes, TieringRunner runner) {
        this.schemes = schemes;
        this.runner = runner;
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("tiering-schedule-");
        scheduler.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerStoredSchedules() {
        schemes.list().forEach(this::register);
    }

    /** (Re-)registers the schedule of {@code scheme}; one without a schedule is unregistered. */
    void register(SchemeStore.StoredScheme scheme) {
        ScheduledFuture<?> previous = registered.remove(scheme.key());
        if (previous != null) {
            previous.cancel(false);
        }
        ScheduleSpec schedule = scheme.schedule();
        if (schedule != null) {
            registered.put(scheme.key(), scheduler.schedule(() -> runScheduled(scheme.key()),
                    new CronTrigger(schedule.cron(), schedule.zone())));
            log.info("scheme {} runs {} ({} in {})", scheme.key(), schedule.frequency().code(), schedule.cron(),
                    schedule.zone());
        }
    }

    boolean isRegistered(String schemeKey) {
        return registered.containsKey(schemeKey);
    }

    private void runScheduled(String schemeKey) {
        try {
            runner.runAll(schemeKey, RunTrigger.SCHEDULED, null);
        } catch (RuntimeException e) {
            log.warn("scheduled run of scheme {} failed: {}", schemeKey, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
