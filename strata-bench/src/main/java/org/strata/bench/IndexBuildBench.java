package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.sql.SuspendedIndexes;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What rebuilding the suspended indexes costs after a bulk load of a million customers and 3.1 million orders, on a
 * database that holds them (made by PageTimeBench or ImportBenchmark; copy it, nothing is left changed):
 * <ol>
 *   <li>per index, one build with 0 and 2 parallel workers under 64MB, 256MB and 1GB of maintenance_work_mem (wall ms
 *   and database CPU s: the server and all its workers), and how many workers PostgreSQL launched;</li>
 *   <li>per file, the whole rebuild as main (commit fb8aab0) did it against this branch, alternately in the same run,
 *   median of the rounds and the ratio this branch / main.</li>
 * </ol>
 * Every build runs in a transaction that is rolled back, on committed rows (in an import the rows were written by the
 * same transaction just before; the builds read them from the same cache either way).
 * <pre>
 *   cp -a /tmp/s7/pg18-data /tmp/index-build/pg
 *   ./mvnw -q -B -o -pl strata-bench -am compile
 *   ./mvnw -q -B -o -pl strata-bench -am dependency:build-classpath -Dmdep.outputFile=/tmp/index.cp
 *   java -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/index.cp) \
 *        org.strata.bench.IndexBuildBench /tmp/index-build/pg [ROUNDS, default 3] [grid|files|both, default both]
 * </pre>
 */
public final class IndexBuildBench {

    /**
     * The tables each file's bulk load suspends, those whose primary key goes too (CustomerBulkLoader,
     * OrderBulkWriter), and what the load leaves in them that the database at hand does not hold.
     */
    private record LoadedFile(String label, List<String> tables, List<String> primaryKeysToo, List<String> loaded) {
    }

    /** A customers file into an empty database leaves every customer's figures at zero, in the order of their ids. */
    private static final LoadedFile CUSTOMERS = new LoadedFile("customers file",
            List.of("customers", "customer_identifiers", "customer_figures"),
            List.of("customer_identifiers", "customer_figures"),
            List.of("TRUNCATE customer_figures",
                    "INSERT INTO customer_figures (customer_id) SELECT id FROM customers ORDER BY id"));
    /** The part of the customers file that V18 changed: the identifiers' keys (main: two, the branch: one). */
    private static final LoadedFile IDENTIFIERS = new LoadedFile("customers file, customer_identifiers only",
            List.of("customer_identifiers"), List.of("customer_identifiers"), List.of());
    private static final LoadedFile ORDERS = new LoadedFile("orders file",
            List.of("orders", "customer_figures"), List.of("orders"), List.of());

    /** BulkImport's maintenance_work_mem for the rebuild. */
    private static final String BRANCH_MEMORY = "256MB";

    private static final List<String> MEMORIES = List.of("64MB", "256MB", "1GB");
    private static final List<Integer> WORKERS = List.of(0, 2);

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String part = args.length > 2 ? args[2] : "both";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false);
        try (EmbeddedPostgres postgres = builder.start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            // this branch's schema (V18); main's definitions are put back inside each measuring transaction
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .outOfOrder(true).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            PostgresCpu cpu = PostgresCpu.onPort(postgres.getPort());
            System.out.printf("load average at start %s%n", NameIndexBench.loadAverage());
            if (!part.equals("files")) {
                grid(jdbc, connection, cpu);
            }
            if (!part.equals("grid")) {
                files(jdbc, connection, cpu, rounds);
            }
            System.out.printf("load average at end %s%n", NameIndexBench.loadAverage());
        }
    }

    /** Each index alone, under each setting: which settings pay, and for which index. */
    private static void grid(JdbcTemplate jdbc, Connection connection, PostgresCpu cpu) throws SQLException {
        List<String> settings = new ArrayList<>();
        for (int workers : WORKERS) {
            for (String memory : MEMORIES) {
                settings.add(workers + "w " + memory);
            }
        }
        System.out.printf("%nper index, one build each: wall ms / database cpu s [workers launched]%n%-36s", "index");
        settings.forEach(s -> System.out.printf(" %20s", s));
        System.out.println();
        for (LoadedFile file : List.of(CUSTOMERS, ORDERS)) {
            for (String index : IndexDefinitions.of(jdbc, file.tables(), file.primaryKeysToo()).names()) {
                connection.rollback();
                System.out.printf("%-36s", index);
                for (int workers : WORKERS) {
                    for (String memory : MEMORIES) {
                        IndexDefinitions one = IndexDefinitions.of(jdbc, file.tables(), file.primaryKeysToo())
                                .only(index);
                        one.drop();
                        jdbc.execute("SET LOCAL maintenance_work_mem = '" + memory + "'");
                        jdbc.execute("SET LOCAL max_parallel_maintenance_workers = " + workers);
                        Timed timed = Timed.run(cpu, one::build);
                        connection.rollback();
                        System.out.printf(" %9.0f / %5.2f [%d]", timed.wallMs(), timed.cpuSeconds(),
                                one.workersLaunched());
                    }
                }
                System.out.println();
            }
        }
    }

    /** Each file's whole rebuild, main against this branch, alternately; then each index's share. */
    private static void files(JdbcTemplate jdbc, Connection connection, PostgresCpu cpu, int rounds)
            throws SQLException {
        List<String> arms = List.of("main", "branch");
        for (LoadedFile file : List.of(CUSTOMERS, IDENTIFIERS, ORDERS)) {
            Map<String, double[]> wall = new LinkedHashMap<>();
            Map<String, double[]> cpuSeconds = new LinkedHashMap<>();
            // index name -> arm -> milliseconds of each round
            Map<String, Map<String, double[]>> perIndex = new TreeMap<>();
            for (String arm : arms) {
                wall.put(arm, new double[rounds]);
                cpuSeconds.put(arm, new double[rounds]);
            }
            for (int round = 0; round < rounds; round++) {
                for (String arm : arms) {
                    Map<String, Long> built = new LinkedHashMap<>();
                    Timed timed;
                    if (arm.equals("main")) {
                        MainDefinitions.apply(jdbc, file.tables());
                        IndexDefinitions indexes = IndexDefinitions.of(jdbc, file.tables(), file.primaryKeysToo());
                        indexes.drop();
                        file.loaded().forEach(jdbc::execute);
                        timed = Timed.run(cpu, () -> built.putAll(MainDefinitions.restore(jdbc, indexes)));
                    } else {
                        SuspendedIndexes indexes = SuspendedIndexes.suspend(jdbc, file.tables(),
                                file.primaryKeysToo());
                        file.loaded().forEach(jdbc::execute);
                        timed = Timed.run(cpu, () -> indexes.restore(BRANCH_MEMORY)
                                .forEach(b -> built.put(b.name(), b.millis())));
                    }
                    connection.rollback();
                    wall.get(arm)[round] = timed.wallMs();
                    cpuSeconds.get(arm)[round] = timed.cpuSeconds();
                    int r = round;
                    built.forEach((name, ms) -> perIndex.computeIfAbsent(name, n -> new LinkedHashMap<>())
                            .computeIfAbsent(arm, a -> new double[rounds])[r] = ms);
                }
            }
            double mainWall = NameIndexBench.median(wall.get("main"));
            double mainCpu = NameIndexBench.median(cpuSeconds.get("main"));
            System.out.printf("%n%s, whole rebuild, median of %d rounds%n%-36s %9s %9s   %s%n", file.label(), rounds,
                    "arm", "wall ms", "cpu s", "ratio to main: wall cpu");
            for (String arm : arms) {
                double w = NameIndexBench.median(wall.get(arm));
                double c = NameIndexBench.median(cpuSeconds.get(arm));
                System.out.printf("%-36s %9.0f %9.2f   %.2f %.2f   (wall %s)%n", arm, w, c, w / mainWall, c / mainCpu,
                        Arrays.toString(Arrays.stream(wall.get(arm)).mapToLong(Math::round).toArray()));
            }
            System.out.printf("%-36s %9s %9s%n", "index (median wall ms)", "main", "branch");
            perIndex.forEach((name, byArm) -> System.out.printf("%-36s %9.0f %9.0f%n", name,
                    byArm.containsKey("main") ? NameIndexBench.median(byArm.get("main")) : Double.NaN,
                    byArm.containsKey("branch") ? NameIndexBench.median(byArm.get("branch")) : Double.NaN));
        }
    }

    private record Timed(double wallMs, double cpuSeconds) {
        static Timed run(PostgresCpu cpu, Runnable work) {
            double cpuBefore = cpu == null ? Double.NaN : cpu.seconds();
            long start = System.nanoTime();
            work.run();
            return new Timed((System.nanoTime() - start) / 1e6, cpu == null ? Double.NaN : cpu.seconds() - cpuBefore);
        }
    }
}
