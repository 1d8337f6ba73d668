package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.quality.CountedOrdersProbe;
import org.strata.server.quality.QualityFigures;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * The quality rebuild after a first bulk load of orders, from the orders counted while they were copied
 * ({@code ObservedOrdersRebuild}), against the rebuild from the stored orders ({@code rebuildAfter({ORDERS})}, what
 * any other load of orders gets), taking turns on a loaded PostgreSQL data directory (copy {@code /tmp/s7/pg18-data}:
 * 1M customers, 3,140,756 orders). The counts are made once from the stored orders. Before each turn the orders'
 * rows are taken out of the figures (untimed), as they are before a first load of orders, and the turn writes them
 * again; both ways must leave the same figures (a checksum of quality_figures and quality_contributions is compared).
 * Prints each turn's wall seconds and the CPU seconds of PostgreSQL and of this JVM, then medians and the ratio.
 * <pre>
 *   java -Xmx512m -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/bench.cp) \
 *        org.strata.bench.CountedOrdersRebuildBench DATA_DIR [RUNS=3]
 * </pre>
 */
public final class CountedOrdersRebuildBench {

    private static final String CHECKSUM = "SELECT (SELECT COUNT(*) || '/' || SUM(orders) || '/' || SUM(orders_non_positive)"
            + " || '/' || SUM(COALESCE(owner_id, -1) * orders) FROM quality_contributions) || ' | ' || (SELECT"
            + " SUM(customers) || '/' || SUM(orders) || '/' || SUM(orders_non_positive) || '/'"
            + " || SUM(COALESCE(owner_id, -1) * orders) FROM quality_figures)";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).start()) {
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            List<String> options = List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                    "--logging.level.org.strata.server.quality=" + System.getProperty("bench.log", "INFO"),
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                    .web(WebApplicationType.NONE).run(options.toArray(String[]::new))) {
                measure(context, databaseCpu, runs);
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, PostgresCpu databaseCpu, int runs) {
        QualityFigures figures = context.getBean(QualityFigures.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        CountedOrdersProbe counted = new CountedOrdersProbe(context);
        long start = System.nanoTime();
        long orders = counted.countStoredOrders();
        System.out.printf("%,d stored orders counted in %.1f s%n", orders, (System.nanoTime() - start) / 1e9);
        figures.rebuildAll();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] sql = new double[3][runs];
        double[][] fromCounts = new double[3][runs];
        String expected = null;
        for (int run = 0; run < runs; run++) {
            for (boolean useCounts : new boolean[] {false, true}) {
                double[][] measured = useCounts ? fromCounts : sql;
                counted.forgetOrdersRows();
                double databaseBefore = databaseCpu.seconds();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long begun = System.nanoTime();
                if (useCounts) {
                    counted.rebuildFromCounts();
                } else {
                    figures.rebuildAfter(EnumSet.of(Part.ORDERS));
                }
                measured[0][run] = (System.nanoTime() - begun) / 1e9;
                measured[1][run] = databaseCpu.seconds() - databaseBefore;
                measured[2][run] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                String checksum = jdbc.queryForObject(CHECKSUM, String.class);
                if (expected == null) {
                    expected = checksum;
                } else if (!expected.equals(checksum)) {
                    throw new IllegalStateException("the figures differ: " + checksum + " against " + expected);
                }
                System.out.printf("run %d %s: %.2f s wall, CPU database %.2f s, Strata %.2f s (%s)%n", run + 1,
                        useCounts ? "from counts" : "from orders", measured[0][run], measured[1][run],
                        measured[2][run], checksum);
            }
        }
        System.out.printf("from orders median of %d: %.2f s wall, CPU database %.2f s, Strata %.2f s%n", runs,
                median(sql[0]), median(sql[1]), median(sql[2]));
        System.out.printf("from counts median of %d: %.2f s wall, CPU database %.2f s, Strata %.2f s"
                        + " (x%.2f wall, x%.2f database CPU of from orders)%n", runs, median(fromCounts[0]),
                median(fromCounts[1]), median(fromCounts[2]), median(fromCounts[0]) / median(sql[0]),
                median(fromCounts[1]) / median(sql[1]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private CountedOrdersRebuildBench() {
    }
}
