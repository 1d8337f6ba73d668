package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full server run of three schemes (RFM 11 segments, ABC, lifecycle) over GenOrders data on an embedded PostgreSQL,
 * through the REST API, then the same three runs again without any data change, which must write nothing.
 *
 * <pre>
 *   java /work/shared/bench/GenOrders.java 1000000 /tmp/gen 42
 *   ./mvnw -q -B -o -pl strata-bench -am package -DskipTests
 *   ./mvnw -q -B -o -pl strata-bench dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -Xmx6g -cp "$(cat /tmp/cp.txt):strata-bench/target/classes" org.strata.bench.TieringRunBenchmark /tmp/gen
 * </pre>
 * (with the strata-engine and strata-server jars of the class path replaced by their target/classes when the local
 * repository holds an older install). The server logs each run's time split into features, evaluate and write.
 *
 * Every run loads the features from the database (the feature cache is switched off), as a run after a data change
 * would. The data is loaded with PostgreSQL COPY: the import path is measured elsewhere.
 */
public final class TieringRunBenchmark {

    private static final List<String> SCHEMES = List.of("rfm_11_segments", "abc", "lifecycle");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TieringRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TieringRunBenchmark DIR (with customers.csv and orders.csv from GenOrders)");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            // command-line arguments, because application.properties overrides default properties
            ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class)
                    .run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            "--strata.tiering.feature-cache-ttl=PT0S", "--logging.level.root=WARN",
                            "--logging.level.org.strata.server.tiering=INFO");
            try {
                long loadStart = System.nanoTime();
                long[] loaded = load(url, data);
                System.out.printf("loaded %,d customers and %,d orders with COPY in %.1f s%n", loaded[0], loaded[1],
                        seconds(loadStart));
                Api api = new Api("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"),
                        BenchAdmin.authorization(app));
                for (String scheme : SCHEMES) {
                    api.post("/api/v1/tiering/presets/" + scheme + "/instantiate", "{}");
                    api.post("/api/v1/tiering/schemes/" + scheme + "/publish", "{\"note\": \"bench\"}");
                }
                pass("first run (every customer enters)", api, url);
                pass("second run, no data change", api, url);
            } finally {
                app.close();
            }
        }
    }

    private static void pass(String title, Api api, String url) throws Exception {
        long ledgerBefore = count(url, "tiering_ledger");
        long start = System.nanoTime();
        long written = 0;
        System.out.println(title + ":");
        for (String scheme : SCHEMES) {
            JsonNode run = api.post("/api/v1/tiering/schemes/" + scheme + "/runs",
                    "{\"asOf\": \"2026-07-01\"}");
            written += run.get("rowsWritten").asLong();
            System.out.printf("  %-16s %6.1f s  customers %,d  entered %,d  moved %,d  rows written %,d%n", scheme,
                    run.get("durationMs").asLong() / 1000.0, run.get("customersEvaluated").asLong(),
                    run.get("entered").asLong(), run.get("moved").asLong(), run.get("rowsWritten").asLong());
        }
        System.out.printf("  three schemes: %.1f s wall, %,d rows written, ledger rows %,d -> %,d%n", seconds(start),
                written, ledgerBefore, count(url, "tiering_ledger"));
    }

    /** COPYs GenOrders' CSV files into customers and orders; returns both row counts. */
    private static long[] load(String url, Path data) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'Asia/Shanghai'");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // customer_id,name,phone,email,owner,industry,region,created_at -> C123 becomes id 123
            long customers = copy.copyIn("COPY customers (id, external_id, name, phone, email, industry, region, "
                            + "created_at) FROM STDIN WITH (FORMAT csv)",
                    transformed(data.resolve("customers.csv"), line -> {
                        String[] f = line.split(",", -1);
                        return f[0].substring(1) + "," + f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + f[5]
                                + "," + f[6] + "," + f[7];
                    }));
            // order_id,customer_id,ordered_at,amount
            long orders = copy.copyIn("COPY orders (order_no, customer_id, ordered_at, amount) FROM STDIN "
                            + "WITH (FORMAT csv)",
                    transformed(data.resolve("orders.csv"), line -> {
                        String[] f = line.split(",", -1);
                        return f[0] + "," + f[1].substring(1) + "," + f[2] + "," + f[3];
                    }));
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            return new long[] {customers, orders};
        }
    }

    private static long count(String url, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The lines of a CSV file after its header, each rewritten by {@code rewrite}. */
    private static Reader transformed(Path file, UnaryOperator<String> rewrite) throws IOException {
        BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        lines.readLine();
        return new Reader() {
            private final StringBuilder buffer = new StringBuilder();
            private int position;

            @Override
            public int read(char[] target, int offset, int length) throws IOException {
                while (buffer.length() - position < length) {
                    String line = lines.readLine();
                    if (line == null) {
                        break;
                    }
                    buffer.append(rewrite.apply(line)).append('\n');
                }
                int available = Math.min(length, buffer.length() - position);
                if (available <= 0) {
                    return -1;
                }
                buffer.getChars(position, position + available, target, offset);
                position += available;
                if (position > 1 << 20) {
                    buffer.delete(0, position);
                    position = 0;
                }
                return available;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private record Api(String base, String authorization) {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        JsonNode post(String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
