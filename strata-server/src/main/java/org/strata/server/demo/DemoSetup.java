package org.strata.server.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What {@code strata demo} prepares: the demo company on an empty database ({@link DemoDataGenerator}), then its
 * published schemes with a year of runs ({@link DemoTiering}). Run on every start: on a database the demo has
 * finished with it does nothing; after an interrupted start it finishes the tiering.
 */
@Component
public class DemoSetup {

    private final DemoDataGenerator generator;
    private final DemoTiering tiering;

    DemoSetup(DemoDataGenerator generator, DemoTiering tiering) {
        this.generator = generator;
        this.tiering = tiering;
    }

    /**
     * @param company     what was generated; empty when the database had a company already
     * @param tieringRuns runs made for the demo's schemes (0 when their history was complete)
     * @param tieringTook the time the schemes' publication and runs took
     */
    public record Summary(Optional<DemoDataGenerator.Summary> company, int tieringRuns, Duration tieringTook) {
    }

    /** The default demo company, with "now" the present moment. */
    public Summary prepare() {
        return prepare(generator.defaultSettings());
    }

    public Summary prepare(DemoSettings settings) {
        if (generator.isEmpty()) {
            // drafted before the company is written, so that a start interrupted after it still finds them to finish
            tiering.draft();
        }
        Optional<DemoDataGenerator.Summary> company = generator.generateIfEmpty(settings);
        long started = System.nanoTime();
        int runs = tiering.complete(LocalDate.ofInstant(settings.now(), settings.zone()));
        return new Summary(company, runs, Duration.ofNanos(System.nanoTime() - started));
    }
}
