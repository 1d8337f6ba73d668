package org.strata.server.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.strata.server.dashboard.DashboardFigures;

/**
 * What {@code strata demo} prepares: the demo company on an empty database ({@link DemoDataGenerator}), then its
 * published schemes with a year of runs ({@link DemoTiering}). Run on every start: on a database the demo has
 * finished with it does nothing; after an interrupted start it finishes the tiering.
 */
@Component
public class DemoSetup {

    private final DemoDataGenerator generator;
    private final DemoTiering tiering;
    private final DashboardFigures figures;

    DemoSetup(DemoDataGenerator generator, DemoTiering tiering, DashboardFigures figures) {
        this.generator = generator;
        this.tiering = tiering;
        this.figures = figures;
    }

    /**
     * @param company     what was generated; empty when the database had a company already
     * @param tieringRuns runs made for the demo's schemes (0 when their history was complete)
     * @param tieringTook the time the schemes' publication and runs took, with building the dashboard's figures
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
        LocalDate today = LocalDate.ofInstant(settings.now(), settings.zone());
        if (!tiering.pending(today)) {
            return new Summary(generator.generateIfEmpty(settings), 0, Duration.ZERO);
        }
        // the dashboard's figures are built once at the end rather than updated by each of the year's runs
        figures.discard();
        Optional<DemoDataGenerator.Summary> company;
        long started;
        int runs;
        try {
            company = generator.generateIfEmpty(settings);
            started = System.nanoTime();
            runs = tiering.complete(today);
        } finally {
            figures.rebuildAll();
        }
        return new Summary(company, runs, Duration.ofNanos(System.nanoTime() - started));
    }
}
