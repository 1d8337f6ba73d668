package org.strata.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.strata.server.tiering.TieringSetup;
import org.strata.server.tiering.TieringSetup.SchemeStatus;

/**
 * The demo company's tiering: the Chinese 8-class RFM and the lifecycle presets, published and run as of the first
 * day of each of the last twelve months and then today, so that the dashboard has tier sizes over time, a migration
 * matrix and moves to show from the first sign-in.
 *
 * <p>The schemes are drafted by {@link #AUTHOR} before the company is written. Every start then finishes what a
 * start before it left undone: it publishes a draft still by {@link #AUTHOR} and continues the runs of a scheme
 * whose latest run is older than the day it was published. A scheme someone has edited, or whose history is
 * complete, is left alone, so an existing demo database is not touched again.
 */
@Component
class DemoTiering {

    static final String AUTHOR = "strata-demo";
    static final List<String> PRESETS = List.of("rfm_8_classes", "lifecycle");
    private static final int MONTHS = 12;
    private static final Logger log = LoggerFactory.getLogger(DemoTiering.class);

    private final TieringSetup tiering;

    DemoTiering(TieringSetup tiering) {
        this.tiering = tiering;
    }

    /** Drafts the demo's schemes that do not exist yet (called before the company is written). */
    void draft() {
        for (String preset : PRESETS) {
            if (tiering.status(preset).isEmpty()) {
                tiering.draftFromPreset(preset, AUTHOR);
            }
        }
    }

    /** Whether a scheme of the demo still needs publishing or runs up to {@code today} (see the class comment). */
    boolean pending(LocalDate today) {
        return PRESETS.stream().map(tiering::status).flatMap(Optional::stream)
                .anyMatch(status -> pending(status, today));
    }

    /**
     * Publishes and runs what is still pending; returns the number of runs made.
     *
     * @param today the demo's today: the last run is as of this day
     */
    int complete(LocalDate today) {
        // day by day, both schemes each day: they read the same features, which stay cached for that day
        Map<LocalDate, List<String>> schemesByDay = new TreeMap<>();
        for (String preset : PRESETS) {
            Optional<SchemeStatus> status = tiering.status(preset);
            if (status.isEmpty() || !pending(status.get(), today)) {
                continue;
            }
            if (status.get().publishedVersion() == null) {
                tiering.publish(preset, AUTHOR, "演示数据 / demo data");
            }
            remainingDays(status.get().lastRunAsOf(), today)
                    .forEach(day -> schemesByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(preset));
        }
        int runs = 0;
        for (Map.Entry<LocalDate, List<String>> day : schemesByDay.entrySet()) {
            for (String preset : day.getValue()) {
                tiering.run(preset, day.getKey());
                runs++;
            }
        }
        if (runs > 0) {
            log.info("Demo tiering: {} runs of {}", runs, PRESETS);
        }
        return runs;
    }

    /**
     * Unpublished and still the demo's own draft, or published by the demo but its history not yet run up to the
     * day of publication, and days left to run.
     */
    private static boolean pending(SchemeStatus status, LocalDate today) {
        if (!AUTHOR.equals(status.draftBy())) {
            return false;
        }
        if (status.publishedVersion() == null) {
            return true;
        }
        return status.publishedVersion() == 1
                && (status.lastRunAsOf() == null || status.lastRunAsOf().isBefore(status.firstPublishedOn()))
                && !remainingDays(status.lastRunAsOf(), today).isEmpty();
    }

    /** The first day of each of the last twelve months and today, oldest first, after {@code done} (null: none). */
    static List<LocalDate> remainingDays(LocalDate done, LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate thisMonth = today.withDayOfMonth(1);
        for (LocalDate day = thisMonth.minusMonths(MONTHS - 1); !day.isAfter(thisMonth); day = day.plusMonths(1)) {
            days.add(day);
        }
        if (!today.equals(thisMonth)) {
            days.add(today);
        }
        return days.stream().filter(day -> done == null || day.isAfter(done)).toList();
    }
}
