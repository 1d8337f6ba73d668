package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.quality.QualityFigures;

/**
 * What rebuilding every maintained quality figure costs, the step that follows every bulk load of customers or
 * orders: {@code QualityFigures.rebuildAll()} timed a few times on a loaded PostgreSQL database directory (copy
 * {@code /tmp/s4/pg-final}, 1M customers and 3,140,756 orders; Flyway migrates it on start), with the server's
 * settings of {@link ImportBenchmark} (io.zonky's defaults), so the figures are those the import pays. Prints the
 * median wall time and the median CPU seconds of the PostgreSQL server and of this JVM.
 * <p>
 * It only calls the public {@code rebuildAll}, so the same class measures another build of the server: run it with
 * that build's {@code strata-server/target/classes} first on the class path (add
 * {@code --spring.flyway.ignore-migration-patterns=*:missing} when the directory was migrated by a newer build).
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

    private static void measure(List<String> options, int runs, DoubleSupplier databaseCpu) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                .web(WebApplicationType.NONE).run(options.toArray(String[]::new))) {
            QualityFigures figures = context.getBean(QualityFigures.class);
            HeapWatch heap = new HeapWatch();
            double[] wall = new double[runs];
            double[] database = new double[runs];
            double[] strata = new double[runs];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int run = 0; run < runs; run++) {
                heap.reset();
                double databaseBefore = databaseCpu.getAsDouble();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                figures.rebuildAll();
                wall[run] = (System.nanoTime() - start) / 1e9;
                strata[run] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                database[run] = databaseCpu.getAsDouble() - databaseBefore;
                System.out.printf("run %d: %.2f s wall, CPU database %.2f s, Strata %.2f s, peak heap %d MB"
                                + " (after GC %d MB)%n", run + 1, wall[run], database[run], strata[run],
                        heap.peakPoolSum() >> 20, heap.maxAfterGc() >> 20);
            }
            System.out.printf("rebuildAll median of %d: %.2f s wall, CPU database %.2f s, Strata %.2f s%n", runs,
                    median(wall), median(database), median(strata));
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
