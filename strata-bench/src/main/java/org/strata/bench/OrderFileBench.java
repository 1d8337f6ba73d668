package org.strata.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.ingest.BatchWriter;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.RowSource;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first bulk load of the orders file as a user's import runs it — the file read and parsed on the reader thread, the
 * rows checked, repeated order numbers counted, each order's customer found and the orders copied into the emptied
 * orders table, then written and indexed ({@code BulkImport.run} with {@code OrderBulkWriter}) — against the customers
 * of a stored 1M yardstick, each round in one transaction that is rolled back, so the data directory is the same for
 * every round and every build. Unlike {@link OrderLoadBench} (which copies rows parsed beforehand) the reading and
 * parsing run too, as they compete for the same two cores.
 * <p>
 * Per round: BulkImport's "staged" seconds (what the copy thread pipeline costs) and the whole load's seconds, CPU
 * seconds of the loading thread, of the reader thread(s), of the whole process and of the database server, the
 * heap's max after GC, and a checksum of orders and figures that must agree between builds. Put another build's
 * classes first in the class path to compare, alternating:
 * The stored customers must carry the importer's identifier kind: /tmp/s7/pg18-data (written by PageTimeBench) has
 * the external ids as kind {@code customer_id}, which no order names; on a copy of it run once
 * {@code UPDATE customer_identifiers SET kind = 'external_id' WHERE kind = 'customer_id'} (else every order is
 * copied without its customer and the figures say "orders counted 0").
 * <pre>
 *   cp -a /tmp/s7/pg18-data /tmp/me/pg
 *   java -Xmx512m -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/me.cp) \
 *        org.strata.bench.OrderFileBench /tmp/me/pg /tmp/page-speed/data [ROUNDS=3]
 * </pre>
 */
public final class OrderFileBench {

    /** The source the stored yardstick's customers were imported from: their external ids are in its namespace. */
    private static final String SOURCE = "bench";

    private static final Pattern STAGED = Pattern.compile("staged in (\\d+) ms");

    private OrderFileBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path orders = Path.of(args[1]).resolve("orders.csv");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        StagedLines staged = StagedLines.attach();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
             ConfigurableApplicationContext context = OrderLoadBench.strataOn(postgres,
                     "--logging.level.org.strata.server.ingest.BulkImport=DEBUG")) {
            staged.attachAgain();
            PostgresCpu databaseCpu = PostgresCpu.onPort(postgres.getPort());
            staged.measure(databaseCpu);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            BulkRun bulk = BulkRun.of(context);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            HeapWatch heap = new HeapWatch();
            double[][] figures = new double[9][rounds];
            for (int round = 0; round < rounds; round++) {
                int r = round;
                transactions.executeWithoutResult(tx -> {
                    System.gc();
                    heap.reset();
                    ReaderCpu readers = ReaderCpu.watch(threads);
                    double databaseBefore = databaseCpu.seconds();
                    long processBefore = process.getProcessCpuTime();
                    long loadingBefore = threads.getCurrentThreadCpuTime();
                    jdbc.execute("TRUNCATE orders");
                    long start = System.nanoTime();
                    try (var rows = ImportReaders.open(ImportKind.ORDERS, orders, ImportOptions.defaults().withSource(SOURCE))) {
                        bulk.run(RowSource.of(rows));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    figures[1][r] = (System.nanoTime() - start) / 1e9;
                    figures[0][r] = staged.lastMillis() / 1e3;
                    figures[2][r] = (threads.getCurrentThreadCpuTime() - loadingBefore) / 1e9;
                    figures[3][r] = readers.stop();
                    figures[4][r] = (process.getProcessCpuTime() - processBefore) / 1e9;
                    figures[5][r] = databaseCpu.seconds() - databaseBefore;
                    figures[6][r] = heap.maxAfterGc() >> 20;
                    figures[7][r] = staged.cpuAtStaged()[1] - processBefore / 1e9;
                    figures[8][r] = staged.cpuAtStaged()[0] - databaseBefore;
                    System.out.printf(Locale.ROOT, "round %d: staged %.2f s (CPU: process %.1f s, database %.1f s),"
                                    + " whole load %.2f s; CPU: loading thread %.1f s, reader %.1f s, process %.1f s,"
                                    + " database %.1f s; max after GC %.0f MB; %s%n  %s%n", r + 1, figures[0][r],
                            figures[7][r], figures[8][r], figures[1][r], figures[2][r], figures[3][r],
                            figures[4][r], figures[5][r], figures[6][r], staged.lastDetail(),
                            OrderLoadBench.checksum(jdbc));
                    tx.setRollbackOnly();
                });
            }
            System.out.printf(Locale.ROOT, "median of %d: staged %.2f s (CPU: process %.1f s, database %.1f s),"
                            + " whole load %.2f s; CPU: loading thread %.1f s, reader %.1f s, process %.1f s,"
                            + " database %.1f s; max after GC %.0f MB (load average now %.1f)%n", rounds,
                    OrderLoadBench.median(figures[0]), OrderLoadBench.median(figures[7]), OrderLoadBench.median(figures[8]), OrderLoadBench.median(figures[1]),
                    OrderLoadBench.median(figures[2]), OrderLoadBench.median(figures[3]), OrderLoadBench.median(figures[4]), OrderLoadBench.median(figures[5]),
                    OrderLoadBench.median(figures[6]), process.getSystemLoadAverage());
        }
    }

    /**
     * BulkImport.run of the orders, called as ImportService calls it: BulkImport is the server's own business and not
     * public, so it is reached by reflection rather than widened for a benchmark. Its transaction joins the round's.
     */
    private record BulkRun(Object bulkImport, Method run, BatchWriter<?> checks, BulkWriter<?> writer, int batchSize,
                           Object progress) {

        static BulkRun of(ConfigurableApplicationContext context) throws ReflectiveOperationException {
            Object bulkImport = context.getBean("bulkImport");
            Class<?> progressType = Class.forName("org.strata.server.ingest.BulkImport$Progress");
            Method run = bulkImport.getClass().getDeclaredMethod("run", long.class, BatchWriter.class,
                    BulkWriter.class, RowSource.class, int.class, progressType);
            run.setAccessible(true);
            Object progress = Proxy.newProxyInstance(progressType.getClassLoader(), new Class<?>[] {progressType},
                    (proxy, method, arguments) -> null);
            Field batchSize = ImportService.class.getDeclaredField("batchSize");
            batchSize.setAccessible(true);
            return new BulkRun(bulkImport, run, ordersOf(context, BatchWriter.class, BatchWriter::kind),
                    ordersOf(context, BulkWriter.class, BulkWriter::kind),
                    batchSize.getInt(context.getBean(ImportService.class)), progress);
        }

        void run(RowSource<?> rows) throws ReflectiveOperationException {
            run.invoke(bulkImport, 0L, checks, writer, rows, batchSize, progress);
        }

        private static <B> B ordersOf(ConfigurableApplicationContext context, Class<B> type,
                                      java.util.function.Function<B, ImportKind> kind) {
            return context.getBeansOfType(type).values().stream().filter(b -> kind.apply(b) == ImportKind.ORDERS)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()
                            + " of orders"));
        }
    }

    /** BulkImport's own account of the staging, read from its log lines. */
    private static final class StagedLines extends AppenderBase<ILoggingEvent> {

        private volatile long lastMillis = -1;
        private volatile String lastDetail = "";
        /** Database and process CPU seconds when staging ended. */
        private volatile double[] atStaged = {Double.NaN, Double.NaN};
        private final com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private PostgresCpu databaseCpu;

        static StagedLines attach() {
            StagedLines lines = new StagedLines();
            lines.attachAgain();
            return lines;
        }

        /** Spring Boot's logging set-up stops and drops the appenders it finds: attached again after start-up. */
        void attachAgain() {
            stop();
            setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            start();
            Logger logger = (Logger) LoggerFactory.getLogger("org.strata.server.ingest.BulkImport");
            logger.setLevel(Level.DEBUG);
            logger.detachAppender(this);
            logger.addAppender(this);
        }

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            Matcher staged = STAGED.matcher(message);
            if (staged.find()) {
                lastMillis = Long.parseLong(staged.group(1));
            } else if (message.contains("staging waited")) {
                lastDetail = message.substring(message.indexOf("staging waited"));
                atStaged = new double[] {databaseCpu == null ? Double.NaN : databaseCpu.seconds(),
                        process.getProcessCpuTime() / 1e9};
            }
        }

        void measure(PostgresCpu databaseCpu) {
            this.databaseCpu = databaseCpu;
        }

        double[] cpuAtStaged() {
            return atStaged;
        }

        long lastMillis() {
            return lastMillis;
        }

        String lastDetail() {
            return lastDetail;
        }
    }

    /** CPU seconds of the import's reader threads, sampled while they live (a thread's CPU is gone once it ends). */
    private static final class ReaderCpu {

        private final Map<Long, Long> nanosByThread = new ConcurrentHashMap<>();
        private final Thread watcher;
        private volatile boolean stopped;

        private ReaderCpu(ThreadMXBean threads) {
            watcher = new Thread(() -> {
                while (!stopped) {
                    sample(threads);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-reader-cpu");
            watcher.setDaemon(true);
        }

        static ReaderCpu watch(ThreadMXBean threads) {
            ReaderCpu cpu = new ReaderCpu(threads);
            cpu.watcher.start();
            return cpu;
        }

        private void sample(ThreadMXBean threads) {
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                if (info.getThreadName().startsWith("strata-import")) {
                    long nanos = threads.getThreadCpuTime(info.getThreadId());
                    if (nanos > 0) {
                        nanosByThread.merge(info.getThreadId(), nanos, Math::max);
                    }
                }
            }
        }

        /** @return the CPU seconds, up to the last sample (20 ms before a thread ended at most) */
        double stop() {
            stopped = true;
            try {
                watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return nanosByThread.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        }
    }
}
