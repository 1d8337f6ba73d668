package org.strata.server.tiering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tiering module's entry point for modules that set up schemes without a person at the REST API (the demo):
 * start a scheme from a preset, publish it, and run it the way "run now" does, also as of past days, recorded as if
 * they had run back then, so that a new installation has a history to show.
 */
@Service
public class TieringSetup {

    private final SchemeService schemes;
    private final SchemeStore store;
    private final RunStore runs;
    private final TieringRunner runner;
    private final TieringTime time;

    TieringSetup(SchemeService schemes, SchemeStore store, RunStore runs, TieringRunner runner, TieringTime time) {
        this.schemes = schemes;
        this.store = store;
        this.runs = runs;
        this.runner = runner;
        this.time = time;
    }

    /**
     * Where a scheme stands.
     *
     * @param draftBy          who last saved its draft
     * @param publishedVersion null until it is first published
     * @param firstPublishedOn the day (business time zone) version 1 was published; null until then
     * @param lastRunAsOf      the as-of day of its latest succeeded run other than a live update; null before one
     */
    public record SchemeStatus(String key, String draftBy, Integer publishedVersion, LocalDate firstPublishedOn,
                               LocalDate lastRunAsOf) {
    }

    public Optional<SchemeStatus> status(String key) {
        return store.find(key).map(stored -> new SchemeStatus(stored.key(), stored.draftUpdatedBy(),
                stored.publishedVersion(),
                store.version(stored.id(), 1).map(v -> LocalDate.ofInstant(v.publishedAt(), time.zone()))
                        .orElse(null),
                runs.history(stored.id(), 50).stream()
                        .filter(run -> run.trigger() != RunTrigger.LIVE && "succeeded".equals(run.status()))
                        .findFirst().map(TieringRun::asOf).orElse(null)));
    }

    /**
     * Creates a scheme (an unpublished draft) from a preset, under the preset's key.
     *
     * @throws TieringConflictException when a scheme with that key exists
     */
    public void draftFromPreset(String presetKey, String by) {
        schemes.instantiate(presetKey, null, by);
    }

    /** Publishes the scheme's draft as its next version, after checking every rule. */
    public void publish(String key, String by, String note) {
        schemes.publish(key, by, note);
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return time.today();
    }

    /**
     * Runs the scheme's published version over every customer, as "run now" does, with features as of the start of
     * {@code asOf}. A run as of an earlier day than today is recorded at the start of that day, when a scheduled run
     * would have seen exactly the same data; it must come after every run and change already recorded.
     *
     * @throws TieringConflictException when the scheme already has a run or change recorded at or after that time
     */
    public TieringRun run(String key, LocalDate asOf) {
        if (!asOf.isBefore(time.today())) {
            return runner.runAll(key, RunTrigger.MANUAL, asOf);
        }
        Instant at = asOf.atStartOfDay(time.zone()).toInstant();
        return runner.runAllAt(key, RunTrigger.MANUAL, asOf, at);
    }
}
