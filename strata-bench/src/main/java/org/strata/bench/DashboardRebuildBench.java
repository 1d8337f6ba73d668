package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.dashboard.DashboardFigures;

/**
 * The rebuild of every pre-aggregated dashboard figure ({@link DashboardFigures#rebuildAll()}, what a bulk import
 * triggers): median wall time of several rebuilds, the database's CPU seconds, and the peak heap.
 *
 * <p>{@code postgres DATA_DIR}: on a copy of a PostgreSQL data directory (e.g. the 1M customers, orders and runs
 * {@link PageTimeBench} leaves), with the server settings {@link ImportBenchmark} uses (PostgreSQL's defaults). Run
 * the same command with another build's classes first in the class path to measure that build's rebuild on the same
 * data, back to back. {@code h2 CUSTOMERS}: on a new H2 file database filled by SQL with that many customers, about
 * three orders each (a few merged), as an import leaves it; run with {@code -Xmx512m} to check the heap bound.
 *
 * <p>{@code orders} as the fourth argument measures the dashboard's recomputation after a bulk load of orders
 * instead, {@code DashboardFigures.rebuildOrderFigures()} (the figures are built first, unmeasured, when they are
 * not). Builds that predate it answer a load of orders with {@link DashboardFigures#rebuildAll()}, which the bench
 * then measures, so the same command compares them. (Publishing the event itself would time the quality report's
 * rebuild as well.)
 *
 * <pre>
 *   java -Xmx2g -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/page.cp) \
 *        org.strata.bench.DashboardRebuildBench postgres DATA_DIR [REBUILDS] [all|orders]
 *   java -Xmx512m -cp ... org.strata.bench.DashboardRebuildBench h2 1000000|H2_FILE [REBUILDS] [all|orders]
 * </pre>
 */
public final class DashboardRebuildBench {

    public static void main(String[] args) throws Exception {
        int rebuilds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean ordersOnly = args.length > 3 && args[3].equals("orders");
        HeapWatch heap = new HeapWatch();
        if (args[0].equals("postgres")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[1]))
                    .setCleanDataDirectory(false).start()) {
                measure(postgres.getJdbcUrl("postgres", "postgres"), "postgres", rebuilds, heap,
                        PostgresCpu.onPort(postgres.getPort()), 0, ordersOnly);
            }
        } else {
            // h2 CUSTOMERS: a new database filled by SQL; h2 FILE: an existing one (e.g. what ImportBenchmark left)
            boolean fill = args[1].chars().allMatch(Character::isDigit);
            Path h2 = fill ? Files.createTempDirectory("strata-rebuild-h2").resolve("strata") : Path.of(args[1]);
            measure("jdbc:h2:file:" + h2 + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa",
                    rebuilds, heap, null, fill ? Integer.parseInt(args[1]) : 0, ordersOnly);
        }
    }

    private static void measure(String url, String user, int rebuilds, HeapWatch heap, PostgresCpu databaseCpu,
                                int fillCustomers, boolean ordersOnly) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.strata.server.dashboard.DashboardFigures=INFO")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (fillCustomers > 0) {
                H2Fill.customersAndOrders(jdbc, fillCustomers);
            }
            System.out.printf("customers %,d, orders %,d, ledger rows %,d, memberships %,d%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM tiering_ledger", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM tiering_memberships", Long.class));
            DashboardFigures figures = context.getBean(DashboardFigures.class);
            Runnable rebuild = figures::rebuildAll;
            if (ordersOnly) {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_built", Long.class) == 0) {
                    figures.rebuildAll();
                }
                rebuild = afterOrdersLoad(figures);
            }
            double[] wall = new double[rebuilds];
            double[] cpu = new double[rebuilds];
            double[] databaseSeconds = new double[rebuilds];
            long peakLive = 0;
            long peakPools = 0;
            for (int i = 0; i < rebuilds; i++) {
                heap.reset();
                double databaseBefore = databaseCpu == null ? 0 : databaseCpu.seconds();
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                rebuild.run();
                wall[i] = (System.nanoTime() - started) / 1e9;
                cpu[i] = (processCpuNanos() - cpuBefore) / 1e9;
                databaseSeconds[i] = databaseCpu == null ? Double.NaN : databaseCpu.seconds() - databaseBefore;
                peakLive = Math.max(peakLive, heap.maxAfterGc());
                peakPools = Math.max(peakPools, heap.peakPoolSum());
                System.out.printf("rebuild %d: %.1f s wall, JVM CPU %.1f s, database CPU %.1f s%n", i + 1, wall[i],
                        cpu[i], databaseSeconds[i]);
            }
            System.out.printf("rebuild median of %d: %.1f s wall, JVM CPU %.1f s, database CPU %.1f s;"
                            + " peak heap %d MB after GC (pools' peaks %d MB), max heap %d MB%n", rebuilds,
                    median(wall), median(cpu), median(databaseSeconds), peakLive >> 20, peakPools >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** What the build's dashboard recomputes after a bulk load of orders. */
    private static Runnable afterOrdersLoad(DashboardFigures figures) {
        try {
            Method ordersOnly = DashboardFigures.class.getMethod("rebuildOrderFigures");
            System.out.println("measuring rebuildOrderFigures()");
            return () -> {
                try {
                    ordersOnly.invoke(figures);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            System.out.println("this build rebuilds everything after a load of orders: measuring rebuildAll()");
            return figures::rebuildAll;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private DashboardRebuildBench() {
    }
}
