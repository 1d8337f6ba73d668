package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.RowSource;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Imports GenOrders yardstick data (customers.csv, then orders.csv) through the same ImportService a user's import
 * goes through, into an embedded PostgreSQL and into an H2 file database, and reports seconds, rows/s and peak heap.
 * <pre>
 * java -Xmx512m -cp ... org.strata.bench.ImportBenchmark [SHARED_BENCH_DIR] [CUSTOMERS] [DATA_DIR] [postgres,h2]
 * </pre>
 * Defaults: ../shared/bench, 1000000, target/import-bench/CUSTOMERS, both databases. Data is generated with seed 42
 * by running {@code java GenOrders.java CUSTOMERS DATA_DIR 42} when DATA_DIR has no customers.csv yet. "read" in the
 * database list also measures reading and validating the files alone. {@code -Dbench.pg.log-ms=N} makes PostgreSQL
 * log statements slower than N ms, {@code -Dbench.pg.port=N} starts it on a fixed port (both for profiling, e.g. by
 * sampling pg_stat_activity); {@code -Dbench.pg.url=JDBC_URL [-Dbench.pg.user=U]} imports into a PostgreSQL of
 * one's own instead (its tables must be empty for the figures to mean the same); {@code -Dbench.reimport=true} imports
 * the same files a second time (which must write nothing); {@code -Dbench.files=customers} imports the customers
 * alone (for measuring the customers' load without waiting for the orders'). Besides wall-clock seconds it reports the CPU seconds of
 * this process and of the PostgreSQL server, which say more than seconds on a machine shared with other work.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/bench");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path data = Path.of(args.length > 2 ? args[2] : "target/import-bench/" + customers);
        List<String> databases = List.of((args.length > 3 ? args[3] : "postgres,h2").split(","));
        generate(shared, customers, data);
        System.out.printf(Locale.ROOT, "data: %s (customers.csv %,d bytes, orders.csv %,d bytes); max heap %d MB%n",
                data, Files.size(data.resolve("customers.csv")), Files.size(data.resolve("orders.csv")),
                Runtime.getRuntime().maxMemory() >> 20);
        HeapWatch heap = new HeapWatch();
        if (databases.contains("read")) {
            readOnly(data);
        }
        String externalPostgres = System.getProperty("bench.pg.url");
        if (databases.contains("postgres") && externalPostgres != null) {
            String port = System.getProperty("bench.pg.port");
            run("PostgreSQL", externalPostgres, System.getProperty("bench.pg.user", "postgres"), data, heap,
                    port == null ? null : PostgresCpu.onPort(Integer.parseInt(port)));
        } else if (databases.contains("postgres")) {
            try (EmbeddedPostgres postgres = postgres()) {
                run("PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", data, heap,
                        PostgresCpu.onPort(postgres.getPort()));
            }
        }
        if (databases.contains("h2")) {
            Path h2 = Files.createTempDirectory("strata-bench-h2");
            run("H2 (file)", "jdbc:h2:file:" + h2.resolve("strata") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH", "sa", data, heap, null);
        }
    }

    private static EmbeddedPostgres postgres() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pg.log-ms", "-1"));
        // -Dbench.pg.config=name=value,name=value: server settings, e.g. a production-sized shared_buffers.
        for (String setting : System.getProperty("bench.pg.config", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                builder.setServerConfig(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
            }
        }
        String port = System.getProperty("bench.pg.port");
        return (port == null ? builder : builder.setPort(Integer.parseInt(port))).start();
    }

    private static void run(String database, String url, String user, Path data, HeapWatch heap,
                            PostgresCpu databaseCpu) throws IOException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataApplication.class)
                .web(WebApplicationType.NONE)
                // Command-line arguments, because they override application.properties (default properties do not).
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.io.zonky=INFO")) {
            ImportService imports = context.getBean(ImportService.class);
            List<String> passes = Boolean.getBoolean("bench.reimport") ? List.of("import", "re-import")
                    : List.of("import");
            for (String pass : passes) {
                double total = 0;
                for (ImportKind kind : kinds()) {
                    total += importFile(database, pass, kind, data, imports, heap, databaseCpu);
                }
                System.out.printf(Locale.ROOT, "%-10s %-9s %s: %.1f s (load average now %.1f)%n",
                        database, pass, kinds().size() == 1 ? "customers" : "customers + orders", total, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static List<ImportKind> kinds() {
        return "customers".equals(System.getProperty("bench.files")) ? List.of(ImportKind.CUSTOMERS)
                : List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS);
    }

    private static double importFile(String database, String pass, ImportKind kind, Path data, ImportService imports,
                                     HeapWatch heap, PostgresCpu databaseCpu) throws IOException {
        Path file = data.resolve(kind == ImportKind.CUSTOMERS ? "customers.csv" : "orders.csv");
        heap.reset();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long javaCpuBefore = process.getProcessCpuTime();
        double databaseCpuBefore = databaseCpu == null ? Double.NaN : databaseCpu.seconds();
        long start = System.nanoTime();
        ImportJob job;
        try (var rows = ImportReaders.open(kind, file, ImportOptions.defaults())) {
            job = imports.importRows(kind, "import", file.toString(), RowSource.of(rows), j -> { });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double javaCpu = (process.getProcessCpuTime() - javaCpuBefore) / 1e9;
        String databaseCpuText = databaseCpu == null ? "" : String.format(Locale.ROOT, ", database %.1f s",
                databaseCpu.seconds() - databaseCpuBefore);
        System.out.printf(Locale.ROOT, "%-10s %-9s %-9s %,10d rows %7.1f s %,9.0f rows/s  CPU: Strata %.1f s%s;"
                        + "  peak heap %4d MB (pool peaks), %4d MB (max after GC)  %s; %s%n", database, pass,
                kind.name().toLowerCase(Locale.ROOT), job.counts().read(), seconds, job.counts().read() / seconds,
                javaCpu, databaseCpuText, heap.peakPoolSum() >> 20, heap.maxAfterGc() >> 20, job.status(),
                job.message());
        return seconds;
    }

    /** The baseline: reading and validating the files without storing anything. */
    private static void readOnly(Path data) throws IOException {
        for (ImportKind kind : List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS)) {
            Path file = data.resolve(kind == ImportKind.CUSTOMERS ? "customers.csv" : "orders.csv");
            long start = System.nanoTime();
            long rows = 0;
            try (var parsed = ImportReaders.open(kind, file, ImportOptions.defaults())) {
                while (parsed.hasNext()) {
                    parsed.next();
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-10s %-9s %,10d rows %7.1f s %,9.0f rows/s%n", "read only",
                    kind.name().toLowerCase(Locale.ROOT), rows, seconds, rows / seconds);
        }
    }

    private static void generate(Path shared, int customers, Path data) throws IOException, InterruptedException {
        if (Files.exists(data.resolve("customers.csv")) && Files.exists(data.resolve("orders.csv"))) {
            return;
        }
        Files.createDirectories(data);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process generator = new ProcessBuilder(java.toString(), shared.resolve("GenOrders.java").toString(),
                Integer.toString(customers), data.toString(), "42").inheritIO().start();
        if (generator.waitFor() != 0) {
            throw new IllegalStateException("GenOrders failed with exit code " + generator.exitValue());
        }
    }
}
