package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.strata.server.StrataApplication;
import org.strata.server.quality.QualityFigures;
import org.strata.server.quality.QualityReport;
import org.strata.server.quality.QualityReportService;

/**
 * The data-quality report read from the maintained figures against the same report computed from the base tables
 * (the baseline: what every request did before V51), and what keeping the figures costs: a rebuild over every
 * customer (what a bulk load into an empty database triggers) and the refresh after an import that touched a
 * thousand customers. Runs on a database directory loaded by {@link PageTimeBench}.
 *
 * <pre>
 *   java -Xmx6g -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/page.cp) \
 *        org.strata.bench.QualityFiguresBench DATA_DIR
 * </pre>
 */
public final class QualityFiguresBench {

    private static final int TOUCHED = 1_000;

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB")
                .setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false);
        try (EmbeddedPostgres postgres = builder.start()) {
            ConfigurableApplicationContext context = new SpringApplication(StrataApplication.class).run(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                    "--logging.level.root=WARN", "--logging.level.org.strata.server.quality.QualityFigures=INFO");
            QualityReportService reports = context.getBean(QualityReportService.class);
            QualityFigures figures = context.getBean(QualityFigures.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            System.out.printf("customers %,d, orders %,d%n",
                    jdbc.sql("SELECT COUNT(*) FROM customers").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single());

            // -Dbench.refreshOnly=true skips the slow baseline and rebuilds, to measure a change to the refresh alone
            boolean refreshOnly = Boolean.getBoolean("bench.refreshOnly");
            double baseline = refreshOnly ? Double.NaN : median(3, 1, () -> reports.reportFromBaseTables(null));
            double maintained = median(7, 2, () -> reports.report(null));
            System.out.printf("report from the base tables (baseline)  median %10.1f ms%n", baseline);
            System.out.printf("report from maintained figures          median %10.1f ms   ratio %.4f%n", maintained,
                    maintained / baseline);
            if (!refreshOnly) {
                QualityReport fromFigures = reports.report(null);
                QualityReport fromTables = reports.reportFromBaseTables(null);
                System.out.println(fromFigures.sources().equals(fromTables.sources())
                        && fromFigures.totals().equals(fromTables.totals()) ? "both reports agree"
                        : "WARNING: the maintained report differs from the one computed from the base tables");
                double rebuild = median(3, 0, figures::rebuildAll);
                System.out.printf("rebuild of every figure                 median %10.1f ms%n", rebuild);
            }
            double refresh = selfTimedMedian(5, 0, () -> {
                OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
                long lastEvent = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM events").query(Long.class).single();
                // what an import that changed a thousand customers leaves behind: their updated_at stamped
                jdbc.sql("UPDATE customers SET updated_at = CURRENT_TIMESTAMP WHERE id IN (SELECT id FROM customers"
                        + " ORDER BY id FETCH FIRST " + TOUCHED + " ROWS ONLY)").update();
                long start = System.nanoTime();
                figures.importWritten(since, lastEvent);
                return (System.nanoTime() - start) / 1e6;
            });
            System.out.printf("refresh after an import of %,d customers median %10.1f ms%n", TOUCHED, refresh);
            context.close();
        }
    }

    private static double median(int timed, int warmUp, Runnable work) {
        return selfTimedMedian(timed, warmUp, () -> {
            long start = System.nanoTime();
            work.run();
            return (System.nanoTime() - start) / 1e6;
        });
    }

    /** Median of {@code timed} runs after {@code warmUp}; the work measures itself (in ms). */
    private static double selfTimedMedian(int timed, int warmUp, DoubleSupplier work) {
        double[] times = new double[timed];
        for (int i = 0; i < warmUp + timed; i++) {
            double time = work.getAsDouble();
            if (i >= warmUp) {
                times[i - warmUp] = time;
            }
        }
        Arrays.sort(times);
        return times[timed / 2];
    }

    private QualityFiguresBench() {
    }
}
