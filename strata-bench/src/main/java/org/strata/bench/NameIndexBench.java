package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the customer name index costs and gives on a million customers, for V15's index over an expression of the name
 * (its characters and character pairs as texts, made by a regular expression; the baseline) against V19's index over
 * the stored column {@code customers.name_keys} (the same keys as integers), in the same run:
 * <ul>
 *   <li>the build, which every bulk import of customers pays again (SuspendedIndexes rebuilds the indexes with the
 *   same {@code maintenance_work_mem} and {@code max_parallel_maintenance_workers}): median wall and database CPU
 *   seconds of {@value #BUILDS} builds per index, the indexes built in turn and each rolled back;</li>
 *   <li>the index's size;</li>
 *   <li>the administrator's first page of a search (the console's query: the search condition, merged customers
 *   left out, 51 rows by total spent), median of {@value #TIMED} executions after one warm-up, with only that name
 *   index in place and the statistics gathered for it.</li>
 * </ul>
 * The database is first migrated to this branch's schema (Flyway, as the application starts); on a database made
 * before V19 that fills {@code name_keys} for every customer, and the time it took is printed.
 * <pre>
 *   cp -a /tmp/s7/pg18-data /tmp/name-index/pg      # a 1M database made by PageTimeBench (any schema version)
 *   ./mvnw -q -B -o -pl strata-bench -am compile
 *   ./mvnw -q -B -o -pl strata-bench -am dependency:build-classpath -Dmdep.outputFile=/tmp/page.cp
 *   java -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/page.cp) \
 *        org.strata.bench.NameIndexBench /tmp/name-index/pg
 * </pre>
 * Apart from the migration, nothing is left changed in the database: every build and every search runs in a
 * transaction that is rolled back.
 */
public final class NameIndexBench {

    private static final int BUILDS = 5;
    private static final int TIMED = 5;
    private static final String SEPARATOR = "E'\\x1F'";

    /**
     * What the index is built over (an expression or the column, of the customers' row under the prefix given, "" or
     * "c."), and the keys of the search text ({@code ?}) that a matching name holds.
     */
    private record Variant(String label, UnaryOperator<String> nameKeysOf, String textKeys) {
        String nameKeys(String prefix) {
            return nameKeysOf.apply(prefix);
        }
    }

    private static final Variant EXPRESSION = new Variant("V15: expression, texts (baseline)",
            prefix -> "string_to_array(regexp_replace(lower(" + prefix + "name), '.', E'\\\\&\\x1F\\\\&\\x1F\\\\&', 'g')"
                    + " COLLATE \"C\", " + SEPARATOR + ")",
            "string_to_array(regexp_replace(lower(?), '(?!^).(?!$)', E'\\\\&\\x1F\\\\&', 'g') COLLATE \"C\", "
                    + SEPARATOR + ")");
    private static final Variant STORED = new Variant("V19: stored column, integers",
            prefix -> prefix + "name_keys", "customer_search_keys(?)");

    /** Texts of the console's search: in every name, the digits of issue 4's slow page, a whole name, in no name. */
    private static final List<String> TEXTS = List.of("客", "客户", "4242", "123", "12", "客户123456", "赵");

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB")
                .setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false);
        try (EmbeddedPostgres postgres = builder.start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            long migrationStart = System.nanoTime();
            int migrations = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration").outOfOrder(true).load().migrate().migrationsExecuted;
            System.out.printf("migrations applied: %d in %.1f s%n", migrations,
                    (System.nanoTime() - migrationStart) / 1e9);
            connection.setAutoCommit(false);
            PostgresCpu cpu = PostgresCpu.onPort(postgres.getPort());
            System.out.printf("customers %,d; load average at start %s%n", count(connection), loadAverage());
            measureBuilds(connection, cpu);
            measureSearches(connection);
            System.out.printf("load average at end %s%n", loadAverage());
        }
    }

    private static void measureBuilds(Connection connection, PostgresCpu cpu) throws SQLException {
        List<Variant> variants = List.of(EXPRESSION, STORED);
        Map<Variant, double[]> wall = new LinkedHashMap<>();
        Map<Variant, double[]> cpuSeconds = new LinkedHashMap<>();
        Map<Variant, Long> size = new LinkedHashMap<>();
        for (Variant variant : variants) {
            wall.put(variant, new double[BUILDS]);
            cpuSeconds.put(variant, new double[BUILDS]);
        }
        // In turn, so that a burst of load from elsewhere falls on every variant alike.
        for (int round = 0; round < BUILDS; round++) {
            for (Variant variant : variants) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    statement.execute("SET LOCAL max_parallel_maintenance_workers = 2");
                    double cpuBefore = cpu == null ? Double.NaN : cpu.seconds();
                    long start = System.nanoTime();
                    statement.execute("CREATE INDEX bench_name_idx ON customers USING gin (("
                            + variant.nameKeys("") + "))");
                    wall.get(variant)[round] = (System.nanoTime() - start) / 1e6;
                    cpuSeconds.get(variant)[round] = cpu == null ? Double.NaN : cpu.seconds() - cpuBefore;
                    size.put(variant, single(statement, "SELECT pg_relation_size('bench_name_idx')"));
                }
                connection.rollback();
            }
        }
        System.out.printf("%nindex build, median of %d (maintenance_work_mem 256MB, max_parallel_maintenance_workers 2)%n",
                BUILDS);
        System.out.printf("%-42s %10s %14s %10s %18s%n", "index", "wall ms", "database cpu s", "size MB",
                "ratio to baseline");
        double baseWall = median(wall.get(EXPRESSION));
        double baseCpu = median(cpuSeconds.get(EXPRESSION));
        for (Variant variant : variants) {
            double w = median(wall.get(variant));
            double c = median(cpuSeconds.get(variant));
            System.out.printf("%-42s %10.0f %14.2f %10.1f   wall %.2f cpu %.2f   (wall %s)%n", variant.label, w, c,
                    size.get(variant) / 1048576.0, w / baseWall, c / baseCpu, rounded(wall.get(variant)));
        }
    }

    private static void measureSearches(Connection connection) throws SQLException {
        Map<String, Long> matches = new LinkedHashMap<>();
        for (String text : TEXTS) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM customers c"
                    + " WHERE c.merged_into IS NULL AND LOWER(c.name) LIKE ? ESCAPE '\\'")) {
                statement.setString(1, containing(text));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    matches.put(text, rs.getLong(1));
                }
            }
        }
        connection.rollback();
        Map<Variant, Map<String, Double>> times = new LinkedHashMap<>();
        for (Variant variant : List.of(EXPRESSION, STORED)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX IF EXISTS customers_name_grams_idx");
                statement.execute("DROP INDEX IF EXISTS customers_name_keys_idx");
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                statement.execute("CREATE INDEX bench_name_idx ON customers USING gin ((" + variant.nameKeys("")
                        + "))");
                statement.execute("ANALYZE customers");
                // as CustomerTextSearch runs searches: a plan made for the text at hand
                statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            Map<String, Double> byText = new LinkedHashMap<>();
            for (String text : TEXTS) {
                byText.put(text, firstPage(connection, variant, text));
            }
            times.put(variant, byText);
            connection.rollback();
        }
        System.out.printf("%nadministrator's first search page (51 rows by total spent), median of %d, ms%n", TIMED);
        System.out.printf("%-14s %10s %36s %32s %8s%n", "text", "matches", EXPRESSION.label, STORED.label, "ratio");
        for (String text : TEXTS) {
            double base = times.get(EXPRESSION).get(text);
            double stored = times.get(STORED).get(text);
            System.out.printf("%-14s %,10d %36.1f %32.1f %8.2f%n", text, matches.get(text), base, stored,
                    stored / base);
        }
    }

    /** The console's query for the first page of a search, as CustomerBrowser and CustomerTextSearch write it. */
    private static double firstPage(Connection connection, Variant variant, String text) throws SQLException {
        String sql = "SELECT c.id, c.name, f.total_spent FROM customers c JOIN customer_figures f ON f.customer_id = c.id"
                + " WHERE c.merged_into IS NULL AND ((LOWER(c.name) LIKE ? ESCAPE '\\' AND " + variant.nameKeys("c.")
                + " @> " + variant.textKeys + ")"
                + " OR c.id = ANY (ARRAY(SELECT ci.customer_id FROM customer_identifiers ci WHERE ci.id_value IN (?)))"
                + " OR c.external_id = ?) ORDER BY f.total_spent DESC, c.id DESC LIMIT 51";
        double[] times = new double[TIMED];
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, containing(text));
            statement.setString(2, text);
            statement.setString(3, text);
            statement.setString(4, text);
            for (int i = -1; i < TIMED; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
                if (i >= 0) {
                    times[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return median(times);
    }

    /** LIKE's "contains the text", as SearchTerm escapes it. */
    private static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long customers = single(statement, "SELECT COUNT(*) FROM customers");
            connection.rollback();
            return customers;
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Long> rounded(double[] values) {
        List<Long> rounded = new ArrayList<>();
        for (double value : values) {
            rounded.add(Math.round(value));
        }
        return rounded;
    }

    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
