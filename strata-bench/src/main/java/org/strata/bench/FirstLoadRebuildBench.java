package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.dashboard.DashboardFigures;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.sql.SuspendedIndexes;

/**
 * A first load of orders (into an emptied orders table, committed) and the dashboard's recomputation after it,
 * {@code DashboardFigures.rebuildOrderFigures()}, round after round on the same data. Rounds take turns: in the odd
 * ones the rebuild may use the order months the load summed, in the even ones they are dropped before it (as if the
 * orders had changed since the load), so the rebuild aggregates the orders in SQL as builds before round 8 did; the
 * medians of both are printed side by side, measured in the same run. The load's own time (staged = copied into
 * orders, rows written, indexes) is printed too: run the same command with another build's classes first in the class
 * path to compare the load with and without the months being summed.
 * <p>
 * Use a copy of a 1M data directory ({@code cp -a /tmp/s7/pg18-data /tmp/me/pg}); the dashboard figures are built
 * first when they are not. The quality report's rebuild, which runs alongside in an import, is not run.
 * <pre>
 *   java -Xmx3g -Dlogging.level.org.strata.server.dashboard=DEBUG \
 *        -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/me.cp) \
 *        org.strata.bench.FirstLoadRebuildBench /tmp/me/pg /tmp/page-speed/data [ROUNDS=4]
 * </pre>
 */
public final class FirstLoadRebuildBench {

    private static final int BATCH = 20_000;

    private FirstLoadRebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        List<OrderRecord> records = OrderLoadBench.parse(Path.of(args[1]).resolve("orders.csv"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres", "--spring.datasource.password=",
                             "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                             "--logging.level.org.strata.server.dashboard.DashboardFigures=INFO",
                             "--spring.flyway.ignore-migration-patterns=*:missing")) {
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DashboardFigures figures = context.getBean(DashboardFigures.class);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_built", Long.class) == 0) {
                figures.rebuildAll();
            }
            Runnable dropMonths = monthsDropper(context);
            BulkWriter<OrderRecord> writer = OrderLoadBench.ordersWriter(context);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            List<double[]> fromLoad = new ArrayList<>();
            List<double[]> fromOrders = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                boolean useMonths = round % 2 == 0;
                double[] load = load(jdbc, transactions, writer, records);
                if (!useMonths) {
                    dropMonths.run();
                }
                double cpuBefore = databaseCpu.seconds();
                double jvmBefore = jvmCpuSeconds();
                long start = System.nanoTime();
                figures.rebuildOrderFigures();
                double rebuild = (System.nanoTime() - start) / 1e9;
                double rebuildCpu = databaseCpu.seconds() - cpuBefore;
                double rebuildJvm = jvmCpuSeconds() - jvmBefore;
                (useMonths ? fromLoad : fromOrders).add(new double[] {load[0], load[1], load[2], load[3], rebuild,
                        rebuildCpu, rebuildJvm});
                System.out.printf(Locale.ROOT, "round %d (%s): load staged %.2f s, rows written %.2f s, indexes"
                                + " %.2f s, JVM CPU %.1f s; rebuild %.2f s, database CPU %.1f s, JVM CPU %.1f s%n",
                        round + 1, useMonths ? "months from the load" : "months from the orders", load[0], load[1],
                        load[2], load[3], rebuild, rebuildCpu, rebuildJvm);
            }
            print("months from the load", fromLoad);
            print("months from the orders", fromOrders);
            System.out.printf(Locale.ROOT, "load average now %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** One committed first load, as BulkImport runs it: staged (copied into orders), rows written, indexes. */
    private static double[] load(JdbcTemplate jdbc, TransactionTemplate transactions, BulkWriter<OrderRecord> writer,
                                 List<OrderRecord> records) {
        double[] seconds = new double[4];
        double jvmBefore = jvmCpuSeconds();
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("SET LOCAL work_mem = '128MB'");
            jdbc.execute("TRUNCATE orders");
            long start = System.nanoTime();
            BulkWriter.Load<OrderRecord> load = writer.begin();
            SuspendedIndexes indexes = SuspendedIndexes.suspend(jdbc, writer.suspendedTables(),
                    writer.suspendedPrimaryKeys());
            for (int from = 0; from < records.size(); from += BATCH) {
                load.stage(records.subList(from, Math.min(records.size(), from + BATCH)), from);
            }
            long staged = System.nanoTime();
            load.finish(0, "bench");
            long written = System.nanoTime();
            indexes.restore("256MB");
            seconds[0] = (staged - start) / 1e9;
            seconds[1] = (written - staged) / 1e9;
            seconds[2] = (System.nanoTime() - written) / 1e9;
        });
        seconds[3] = jvmCpuSeconds() - jvmBefore;
        return seconds;
    }

    /** Drops the months a load summed, where the build sums them (FirstLoadOrderMonths.discard()). */
    private static Runnable monthsDropper(ConfigurableApplicationContext context) throws Exception {
        Class<?> months;
        try {
            months = Class.forName("org.strata.server.dashboard.FirstLoadOrderMonths");
        } catch (ClassNotFoundException e) {
            System.out.println("this build sums no months while loading: every rebuild aggregates the orders");
            return () -> { };
        }
        Object bean = context.getBean(months);
        Method discard = months.getDeclaredMethod("discard");
        discard.setAccessible(true);
        return () -> {
            try {
                discard.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void print(String kind, List<double[]> rounds) {
        if (rounds.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "median of %d rounds, %s: load staged %.2f s, rows written %.2f s, indexes"
                        + " %.2f s, JVM CPU %.1f s; rebuild %.2f s, database CPU %.1f s, JVM CPU %.1f s%n",
                rounds.size(), kind, median(rounds, 0), median(rounds, 1), median(rounds, 2), median(rounds, 3),
                median(rounds, 4), median(rounds, 5), median(rounds, 6));
    }

    /** CPU seconds of this process, all threads (the parsed orders are parsed before the rounds). */
    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(round -> round[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
