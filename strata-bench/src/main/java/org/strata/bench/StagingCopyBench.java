package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.ingest.IdentityKey;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What copying the orders into the bulk load's staging table costs, in PostgreSQL's CSV format (the baseline, what
 * {@code SqlDialect.insertRows} sends) against its binary format ({@code SqlDialect.appendRows}, what the bulk load
 * sends since session 6), in the same run: the same rows (the yardstick's orders, parsed once, as the bulk load stages
 * them) copied in batches of 20,000 into a temporary table like {@code bulk_stage_orders}, each round in a transaction
 * that is rolled back, the two formats alternating. Per format: median wall seconds, CPU seconds of the copying thread
 * (formatting and sending) and of the database session (parsing and storing), read from {@code /proc}: on a machine
 * shared with other work the CPU seconds say more than the wall seconds.
 * <pre>
 *   ./mvnw -q -B -o -pl strata-bench -am compile
 *   ./mvnw -q -B -o -pl strata-bench -am dependency:build-classpath -Dmdep.outputFile=/tmp/stage.cp
 *   java -Xmx3g -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/stage.cp) \
 *        org.strata.bench.StagingCopyBench /tmp/page-speed/data [ROWS=1000000] [ROUNDS=5]
 * </pre>
 * The heap holds the parsed rows of the whole sample, hence {@code -Xmx3g}; the import itself stages batch by batch.
 */
public final class StagingCopyBench {

    private static final int BATCH = 20_000;

    private static final List<String> STAGE_COLUMNS = List.of("seq BIGINT NOT NULL", "source VARCHAR(64)",
            "order_no VARCHAR(128)", "customer_ref VARCHAR(320)", "customer_ref_kind VARCHAR(32)",
            "ref_namespace VARCHAR(64)", "ordered_at TIMESTAMP WITH TIME ZONE", "amount NUMERIC(18, 2)",
            "cost NUMERIC(18, 2)", "refund_amount NUMERIC(18, 2)", "currency CHAR(3)", "channel VARCHAR(64)",
            "status VARCHAR(20)");

    private StagingCopyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path orders = Path.of(args.length > 0 ? args[0] : "/tmp/page-speed/data").resolve("orders.csv");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Object[]> rows = stagedRows(orders, limit);
        PostgresDialect dialect = new PostgresDialect();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] wall = new double[2][rounds];
        double[][] java = new double[2][rounds];
        double[][] database = new double[2][rounds];
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            long backend = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);
            String table = "bulk_stage_orders";
            for (int round = -1; round < rounds; round++) {  // round -1 warms up both
                for (int format = 0; format < 2; format++) {
                    jdbc.execute("CREATE TEMPORARY TABLE " + table + " (" + dialect.stageColumns(STAGE_COLUMNS)
                            + ") ON COMMIT DROP");
                    double databaseBefore = PostgresCpu.ofProcess(backend);
                    long javaBefore = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    for (int from = 0; from < rows.size(); from += BATCH) {
                        List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                        if (format == 0) {
                            dialect.insertRows(jdbc, table, SqlDialect.columnNames(STAGE_COLUMNS), batch);
                        } else {
                            dialect.appendRows(jdbc, table, STAGE_COLUMNS, batch);
                        }
                    }
                    long end = System.nanoTime();
                    if (round >= 0) {
                        wall[format][round] = (end - start) / 1e9;
                        java[format][round] = (threads.getCurrentThreadCpuTime() - javaBefore) / 1e9;
                        database[format][round] = PostgresCpu.ofProcess(backend) - databaseBefore;
                    }
                    long staged = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
                    connection.rollback();
                    if (staged != rows.size()) {
                        throw new IllegalStateException("staged " + staged + " of " + rows.size() + " rows");
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d orders staged in batches of %,d, median of %d rounds (load average now"
                + " %.1f)%n", rows.size(), BATCH, rounds, ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        String[] names = {"CSV COPY (baseline)", "binary COPY"};
        for (int format = 0; format < 2; format++) {
            System.out.printf(Locale.ROOT, "%-20s wall %5.2f s  CPU: copying thread %5.2f s, database %5.2f s%n",
                    names[format], median(wall[format]), median(java[format]), median(database[format]));
        }
        System.out.printf(Locale.ROOT, "binary / CSV: wall %.2fx, copying thread CPU %.2fx, database CPU %.2fx%n",
                median(wall[1]) / median(wall[0]), median(java[1]) / median(java[0]),
                median(database[1]) / median(database[0]));
    }

    /** The orders' staged rows as OrderBulkWriter makes them (sequence first). */
    private static List<Object[]> stagedRows(Path orders, int limit) throws Exception {
        if (!Files.exists(orders)) {
            throw new IllegalArgumentException(orders + " does not exist; generate it with GenOrders.java");
        }
        List<Object[]> rows = new ArrayList<>();
        try (var parsed = ImportReaders.open(ImportKind.ORDERS, OrderRecord.class, orders, ImportOptions.defaults())) {
            while (parsed.hasNext() && rows.size() < limit) {
                OrderRecord o = parsed.next().record();
                if (o == null) {
                    continue;
                }
                IdentityKey ref = IdentityKey.reference(o.source(), o.customerRef(), o.customerPhone(),
                        o.customerEmail());
                rows.add(new Object[] {(long) rows.size(), o.source(), o.orderNo(), ref == null ? null : ref.value(),
                        ref == null ? null : ref.kind(), ref == null ? null : ref.namespace(), o.orderedAt(),
                        o.amount(), o.cost(), o.refundAmount() == null ? BigDecimal.ZERO : o.refundAmount(),
                        o.currency() == null ? "CNY" : o.currency(), o.channel(),
                        o.status() == null ? "completed" : o.status()});
            }
        }
        return rows;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
