package org.strata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Batch scoring as a whole process, Strata against DuckDB, measured alternately in the same run.
 *
 * <pre>
 *   java -cp strata-bench/target/classes:DUCKDB_JAR org.strata.bench.ScoreVsDuckDb [--runs 5] [--data DIR]
 *       [--strata "java -jar strata-cli/target/strata.jar"] [--shared /work/shared/bench]
 * </pre>
 * Generates the yardstick data (1,000,000 customers, seed 42) with {@code GenOrders.java} when DIR lacks it, compiles
 * {@code DuckRfm.java} against the DuckDB JDBC jar into a temporary directory, then runs
 * {@code java -cp duckdb.jar:OUT DuckRfm orders.csv out.csv} and
 * {@code <strata> score --orders orders.csv --as-of 2026-07-01 --out out.csv} alternately, and reports the median wall
 * times, their ratio (target: Strata / DuckDB <= 1.0), the median CPU time (user + system) and its ratio, peak RSS,
 * and how far the two agree on R/F/M per customer. On a machine shared with other work the wall times follow the load;
 * the CPU times much less so.
 */
public final class ScoreVsDuckDb {

    private ScoreVsDuckDb() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        Path shared = Path.of(options.getOrDefault("--shared", "/work/shared/bench"));
        Path data = Path.of(options.getOrDefault("--data",
                Path.of(System.getProperty("java.io.tmpdir"), "strata-yardstick", "1000000-42").toString()));
        List<String> strata = List.of(options.getOrDefault("--strata", "java -jar strata-cli/target/strata.jar")
                .split(" "));
        Path orders = data.resolve("orders.csv");
        if (!Files.exists(orders)) {
            System.out.println("generating yardstick data in " + data);
            run(List.of("java", shared.resolve("GenOrders.java").toString(), "1000000", data.toString(), "42"), null);
        }
        Path duckJar = duckDbJar();
        Path classes = Files.createTempDirectory("duckrfm");
        compile(shared.resolve("DuckRfm.java"), duckJar, classes);
        Path work = Files.createTempDirectory("score-vs-duckdb");
        Path duckOut = work.resolve("duck.csv");
        Path strataOut = work.resolve("strata.csv");
        List<String> duckCommand = List.of("java", "-cp", duckJar + ":" + classes, "DuckRfm", orders.toString(),
                duckOut.toString());
        List<String> strataCommand = new ArrayList<>(strata);
        strataCommand.addAll(List.of("score", "--orders", orders.toString(), "--as-of", "2026-07-01", "--out",
                strataOut.toString()));
        System.out.println("DuckDB: " + String.join(" ", duckCommand));
        System.out.println("Strata: " + String.join(" ", strataCommand));
        double[] duckSeconds = new double[runs];
        double[] strataSeconds = new double[runs];
        long[] duckKb = new long[runs];
        long[] strataKb = new long[runs];
        double[] duckCpu = new double[runs];
        double[] strataCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            Measurement duck = measure(duckCommand, work);
            Measurement ours = measure(strataCommand, work);
            duckSeconds[i] = duck.seconds;
            duckKb[i] = duck.peakKb;
            strataSeconds[i] = ours.seconds;
            strataKb[i] = ours.peakKb;
            duckCpu[i] = duck.cpuSeconds;
            strataCpu[i] = ours.cpuSeconds;
            System.out.printf(Locale.ROOT, "run %d: duckdb %.2f s (cpu %.2f s) %d MiB, strata %.2f s (cpu %.2f s) "
                            + "%d MiB%n", i + 1, duck.seconds, duck.cpuSeconds, duck.peakKb / 1024, ours.seconds,
                    ours.cpuSeconds, ours.peakKb / 1024);
        }
        double duckMedian = median(duckSeconds);
        double strataMedian = median(strataSeconds);
        System.out.printf(Locale.ROOT, "median wall: duckdb %.2f s, strata %.2f s, ratio strata/duckdb %.2f "
                        + "(target <= 1.0)%n", duckMedian, strataMedian, strataMedian / duckMedian);
        System.out.printf(Locale.ROOT, "median cpu (user + system): duckdb %.2f s, strata %.2f s, ratio %.2f%n",
                median(duckCpu), median(strataCpu), median(strataCpu) / median(duckCpu));
        System.out.printf(Locale.ROOT, "peak RSS (median): duckdb %d MiB, strata %d MiB%n",
                (long) median(toDouble(duckKb)) / 1024, (long) median(toDouble(strataKb)) / 1024);
        Agreement.compare(duckOut, strataOut).print();
    }

    record Measurement(double seconds, double cpuSeconds, long peakKb) {
    }

    /** Runs a command as a whole process; CPU time and peak RSS from /usr/bin/time when present (0 otherwise). */
    static Measurement measure(List<String> command, Path work) throws IOException, InterruptedException {
        Path time = Path.of("/usr/bin/time");
        Path rss = work.resolve("rss.txt");
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(time)) {
            full.addAll(List.of(time.toString(), "-f", "%M %U %S", "-o", rss.toString()));
        }
        full.addAll(command);
        long start = System.nanoTime();
        run(full, work.resolve("last-output.txt"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!Files.exists(rss)) {
            return new Measurement(seconds, 0, 0);
        }
        String[] figures = Files.readAllLines(rss).get(0).strip().split(" ");
        return new Measurement(seconds, Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
                Long.parseLong(figures[0]));
    }

    static void run(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.inheritIO();
        }
        int exit = builder.start().waitFor();
        if (exit != 0) {
            String detail = output != null ? Files.readString(output) : "";
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "\n" + detail);
        }
    }

    static Path duckDbJar() throws URISyntaxException, ClassNotFoundException {
        Class<?> driver = Class.forName("org.duckdb.DuckDBDriver");
        return Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static void compile(Path source, Path classpath, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-cp", classpath.toString(), "-d", out.toString(), source.toString());
        if (exit != 0) {
            throw new IllegalStateException("could not compile " + source);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double[] toDouble(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** Per customer: do Strata and DuckDB agree on recency, frequency, monetary and the three scores? */
    static final class Agreement {
        final long customers;
        final long[] featureDifferences = new long[3];
        final long[] scoreDifferences = new long[3];
        /** Score differences where DuckDB gave different scores to customers with the same value (NTILE). */
        final long[] splitTies = new long[3];
        final long missing;

        private Agreement(long customers, long missing) {
            this.customers = customers;
            this.missing = missing;
        }

        static Agreement compare(Path duckCsv, Path strataCsv) throws IOException {
            Map<String, String[]> duck = new HashMap<>(2_000_000);
            try (BufferedReader reader = Files.newBufferedReader(duckCsv, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line; (line = reader.readLine()) != null; ) {
                    String[] f = line.split(",", -1);
                    duck.put(f[0], f);
                }
            }
            // value -> the set of DuckDB scores given to it, per dimension
            List<Map<String, Integer>> scoreMasks = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (String[] f : duck.values()) {
                for (int d = 0; d < 3; d++) {
                    scoreMasks.get(d).merge(value(f[1 + d]), 1 << Integer.parseInt(f[4 + d]), (a, b) -> a | b);
                }
            }
            long customers = 0;
            long matched = 0;
            long[] features = new long[3];
            long[] scores = new long[3];
            long[] ties = new long[3];
            try (BufferedReader reader = Files.newBufferedReader(strataCsv, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line; (line = reader.readLine()) != null; ) {
                    String[] s = line.split(",", 8);
                    String[] d = duck.get(s[0]);
                    customers++;
                    if (d == null) {
                        continue;
                    }
                    matched++;
                    for (int k = 0; k < 3; k++) {
                        if (Math.abs(Double.parseDouble(s[1 + k]) - Double.parseDouble(d[1 + k])) > 0.005) {
                            features[k]++;
                        }
                        if (!s[4 + k].equals(d[4 + k])) {
                            scores[k]++;
                            if (Integer.bitCount(scoreMasks.get(k).get(value(d[1 + k]))) > 1) {
                                ties[k]++;
                            }
                        }
                    }
                }
            }
            Agreement agreement = new Agreement(customers, (customers - matched) + (duck.size() - matched));
            System.arraycopy(features, 0, agreement.featureDifferences, 0, 3);
            System.arraycopy(scores, 0, agreement.scoreDifferences, 0, 3);
            System.arraycopy(ties, 0, agreement.splitTies, 0, 3);
            return agreement;
        }

        private static String value(String text) {
            return Double.toString(Double.parseDouble(text));
        }

        void print() {
            String[] features = {"recency_days", "frequency", "monetary"};
            String[] scores = {"r", "f", "m"};
            System.out.printf(Locale.ROOT, "agreement over %d customers (%d in only one output):%n", customers,
                    missing);
            for (int k = 0; k < 3; k++) {
                System.out.printf(Locale.ROOT, "  %-12s differs for %d customers; %s score differs for %d, of which "
                                + "%d are values DuckDB's NTILE split over several scores (tie rule)%n",
                        features[k], featureDifferences[k], scores[k], scoreDifferences[k], splitTies[k]);
            }
        }
    }
}
