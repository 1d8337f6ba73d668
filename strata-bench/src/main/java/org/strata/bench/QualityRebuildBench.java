package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
public final class QualityRebuildBench {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int runs = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 3;
        List<String> options = new ArrayList<>(Arrays.stream(args).filter(a -> a.startsWith("--")).toList());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pg.log-ms", "-1"))
                .start()) {
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            options.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                    "--logging.level.org.strata.server.quality=" + System.getProperty("bench.log", "INFO")));
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                    .web(WebApplicationType.NONE).run(options.toArray(String[]::new))) {
                QualityFigures figures = context.getBean(QualityFigures.class);
                HeapWatch heap = new HeapWatch();
                double[] wall = new double[runs];
                double[] database = new double[runs];
                double[] strata = new double[runs];
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int run = 0; run < runs; run++) {
                    heap.reset();
                    double databaseBefore = databaseCpu.seconds();
                    long cpuBefore = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    figures.rebuildAll();
                    wall[run] = (System.nanoTime() - start) / 1e9;
                    strata[run] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                    database[run] = databaseCpu.seconds() - databaseBefore;
                    System.out.printf("run %d: %.2f s wall, CPU database %.2f s, Strata %.2f s, peak heap %d MB"
                                    + " (after GC %d MB)%n", run + 1, wall[run], database[run], strata[run],
                            heap.peakPoolSum() >> 20, heap.maxAfterGc() >> 20);
                }
                System.out.printf("rebuildAll median of %d: %.2f s wall, CPU database %.2f s, Strata %.2f s%n", runs,
                        median(wall), median(database), median(strata));
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
