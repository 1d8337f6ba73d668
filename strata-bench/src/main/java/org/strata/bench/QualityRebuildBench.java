package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.quality.QualityFigures;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * What rebuilding the maintained quality figures costs, the step that follows every bulk load: the full rebuild
 * ({@code QualityFigures.rebuildAll()}, after a load of customers) and the rebuilds after a load of orders and after a
 * load of events ({@code rebuildAfter}, which keep the rows derived from customers), taking turns a few times on a
 * loaded PostgreSQL database directory (copy {@code /tmp/search5/pg}, 1M customers and 3,140,756 orders; Flyway
 * migrates it on start), with the server's settings of {@link ImportBenchmark} (io.zonky's defaults), so the figures
 * are those the import pays. Prints for each the median wall time, the median CPU seconds of the PostgreSQL server
 * and of this JVM, and their ratios to the full rebuild measured in the same run.
 *
 * <pre>
 *   java -Xmx512m -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/bench.cp) \
 *        org.strata.bench.QualityRebuildBench DATA_DIR [RUNS] [--spring.option=value ...]
 * </pre>
 * Given an H2 URL ({@code jdbc:h2:file:...}) instead of a directory it rebuilds that database's figures (in chunks, the
 * H2 default) and reports the heap; the database's CPU is then part of this JVM's.
 */
public final class QualityRebuildBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 3;
        List<String> options = new ArrayList<>(Arrays.stream(args).filter(a -> a.startsWith("--")).toList());
        options.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.strata.server.quality=" + System.getProperty("bench.log", "INFO")));
        if (args[0].startsWith("jdbc:h2:")) {
            // an H2 database an ImportBenchmark run left behind: the heap of the rebuild in chunks
            options.addAll(List.of("--spring.datasource.url=" + args[0], "--spring.datasource.username=sa",
                    "--spring.datasource.password="));
            measure(options, runs, () -> Double.NaN);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pg.log-ms", "-1"))
                .start()) {
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            options.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password="));
            measure(options, runs, databaseCpu::seconds);
        }
    }

    /** What is rebuilt: everything (as after a load of customers), or what a load of orders or events changed. */
    private enum Rebuild {
        FULL("rebuildAll", EnumSet.allOf(Part.class)),
        ORDERS_ONLY("after orders", EnumSet.of(Part.ORDERS)),
        EVENTS_ONLY("after events", EnumSet.of(Part.EVENTS));

        final String label;
        final Set<Part> changed;

        Rebuild(String label, Set<Part> changed) {
            this.label = label;
            this.changed = changed;
        }
    }

    private static void measure(List<String> options, int runs, DoubleSupplier databaseCpu) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                .web(WebApplicationType.NONE).run(options.toArray(String[]::new))) {
            QualityFigures figures = context.getBean(QualityFigures.class);
            HeapWatch heap = new HeapWatch();
            Map<Rebuild, double[][]> figuresOf = new EnumMap<>(Rebuild.class);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // the kinds take turns, so that a change of the machine's load falls on all of them alike
            for (int run = 0; run < runs; run++) {
                for (Rebuild rebuild : Rebuild.values()) {
                    double[][] measured = figuresOf.computeIfAbsent(rebuild, r -> new double[3][runs]);
                    heap.reset();
                    double databaseBefore = databaseCpu.getAsDouble();
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    figures.rebuildAfter(rebuild.changed);
                    measured[0][run] = (System.nanoTime() - start) / 1e9;
                    measured[1][run] = databaseCpu.getAsDouble() - databaseBefore;
                    measured[2][run] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                    System.out.printf("run %d %s: %.2f s wall, CPU database %.2f s, Strata %.2f s, peak heap %d MB"
                                    + " (after GC %d MB)%n", run + 1, rebuild.label, measured[0][run],
                            measured[1][run], measured[2][run], heap.peakPoolSum() >> 20, heap.maxAfterGc() >> 20);
                }
            }
            double[][] full = figuresOf.get(Rebuild.FULL);
            for (Rebuild rebuild : Rebuild.values()) {
                double[][] measured = figuresOf.get(rebuild);
                System.out.printf("%s median of %d: %.2f s wall, CPU database %.2f s, Strata %.2f s"
                                + " (x%.2f wall, x%.2f database CPU of rebuildAll)%n", rebuild.label, runs,
                        median(measured[0]), median(measured[1]), median(measured[2]),
                        median(measured[0]) / median(full[0]), median(measured[1]) / median(full[1]));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private QualityRebuildBench() {
    }
}
