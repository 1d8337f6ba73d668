package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.sql.SuspendedIndexes;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The database part of a bulk load of orders, what {@code OrderBulkWriter} and {@code BulkImport} do after parsing:
 * copy the parsed orders into the stage, write them into orders (each with its customer) and every customer's
 * figures, and build the suspended indexes again. Each round runs in one transaction that is rolled back, so the data
 * directory is the same for every round and every build; run the same command with another build's classes first in
 * the class path to compare, alternating.
 * <p>
 * {@code empty} (default) empties orders inside the round's transaction first, so the load takes the path of a first
 * load into an empty table; {@code full} loads the file over the orders already stored (a re-import: every order
 * exists, nothing changed).
 * <pre>
 *   cp -a /tmp/s7/pg18-data /tmp/me/pg      # customers and orders of the 1M yardstick
 *   java -Xmx3g -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/me.cp) \
 *        org.strata.bench.OrderLoadBench /tmp/me/pg /tmp/page-speed/data [ROUNDS=3] [empty|full]
 * </pre>
 * The orders file is parsed once, before the rounds (hence the heap): the rounds time the database's part alone.
 * Each round prints the staged / written / indexes seconds, the database server's CPU seconds, and a checksum of the
 * written orders (count, orders without customer, sum of customer ids) and figures, which must agree between builds.
 */
public final class OrderLoadBench {

    private static final int BATCH = 20_000;

    private OrderLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path orders = Path.of(args[1]).resolve("orders.csv");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean empty = args.length <= 3 || args[3].equals("empty");
        List<OrderRecord> records = parse(orders);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             ConfigurableApplicationContext context = strataOn(postgres)) {
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            BulkWriter<OrderRecord> writer = ordersWriter(context);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            double[][] seconds = new double[5][rounds];
            for (int round = 0; round < rounds; round++) {
                int r = round;
                transactions.executeWithoutResult(tx -> {
                    double cpuBefore = databaseCpu.seconds();
                    // as BulkImport.run
                    jdbc.execute("SET LOCAL work_mem = '128MB'");
                    if (empty) {
                        jdbc.execute("TRUNCATE orders");
                    }
                    long start = System.nanoTime();
                    BulkWriter.Load<OrderRecord> load = writer.begin();
                    SuspendedIndexes suspendedFirst = writesWhileStaging(load) ? SuspendedIndexes.suspend(jdbc,
                            writer.suspendedTables(), writer.suspendedPrimaryKeys()) : null;
                    for (int from = 0; from < records.size(); from += BATCH) {
                        load.stage(records.subList(from, Math.min(records.size(), from + BATCH)), from);
                    }
                    long staged = System.nanoTime();
                    SuspendedIndexes indexes = suspendedFirst != null ? suspendedFirst : SuspendedIndexes.suspend(
                            jdbc, writer.suspendedTables(), writer.suspendedPrimaryKeys());
                    load.finish(0, "bench");
                    long written = System.nanoTime();
                    indexes.restore("256MB");
                    long built = System.nanoTime();
                    seconds[0][r] = (staged - start) / 1e9;
                    seconds[1][r] = (written - staged) / 1e9;
                    seconds[2][r] = (built - written) / 1e9;
                    seconds[3][r] = (built - start) / 1e9;
                    seconds[4][r] = databaseCpu.seconds() - cpuBefore;
                    System.out.printf(Locale.ROOT, "round %d: staged %.2f s, rows written %.2f s, indexes %.2f s,"
                                    + " total %.2f s; database CPU %.1f s; %s%n", r + 1, seconds[0][r], seconds[1][r],
                            seconds[2][r], seconds[3][r], seconds[4][r], checksum(jdbc));
                    tx.setRollbackOnly();
                });
            }
            System.out.printf(Locale.ROOT, "median of %d (%s): staged %.2f s, rows written %.2f s, indexes %.2f s,"
                            + " total %.2f s; database CPU %.1f s (load average now %.1f)%n", rounds,
                    empty ? "into empty orders" : "over the stored orders", median(seconds[0]), median(seconds[1]),
                    median(seconds[2]), median(seconds[3]), median(seconds[4]),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Strata without its web server on a stored data directory's server, quiet but for the given settings. */
    static ConfigurableApplicationContext strataOn(EmbeddedPostgres postgres, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url="
                        + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.flyway.ignore-migration-patterns=*:missing"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(StrataApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    /** As BulkImport.run asks; builds before session 7 have no such question and always stage first. */
    private static boolean writesWhileStaging(BulkWriter.Load<OrderRecord> load) {
        try {
            return load.writesTargetsWhileStaging();
        } catch (NoSuchMethodError | AbstractMethodError e) {
            return false;
        }
    }

    static String checksum(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT 'orders ' || COUNT(*) || ', without customer ' || COUNT(*) FILTER (WHERE customer_id IS NULL)
                       || ', sum of customer ids ' || COALESCE(SUM(customer_id), 0) || ', sum of amounts '
                       || COALESCE(SUM(amount), 0) FROM orders""", String.class)
                + "; " + jdbc.queryForObject("""
                SELECT 'figures ' || COUNT(*) || ', orders counted ' || SUM(order_count) || ', spent '
                       || SUM(total_spent) || ', sum of last order days '
                       || COALESCE(SUM(EXTRACT(EPOCH FROM last_order_at) / 86400)::bigint, 0)
                FROM customer_figures""", String.class);
    }

    @SuppressWarnings("unchecked")
    static BulkWriter<OrderRecord> ordersWriter(ConfigurableApplicationContext context) {
        for (BulkWriter<?> writer : context.getBeansOfType(BulkWriter.class).values()) {
            if (writer.kind() == ImportKind.ORDERS) {
                return (BulkWriter<OrderRecord>) writer;
            }
        }
        throw new IllegalStateException("no bulk writer of orders");
    }

    static List<OrderRecord> parse(Path orders) throws Exception {
        List<OrderRecord> records = new ArrayList<>();
        try (var parsed = ImportReaders.open(ImportKind.ORDERS, OrderRecord.class, orders, ImportOptions.defaults().withSource("bench"))) {
            while (parsed.hasNext()) {
                OrderRecord o = parsed.next().record();
                if (o != null) {
                    records.add(o);
                }
            }
        }
        return records;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
