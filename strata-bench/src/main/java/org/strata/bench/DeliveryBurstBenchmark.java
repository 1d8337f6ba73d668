package org.strata.bench;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.playbook.delivery.Signatures;
import org.strata.server.tiering.TieringLiveUpdates;

/**
 * Throughput of playbook delivery: a tiering run moves a burst of customers into a tier, a playbook calls a webhook
 * for each, and the time from the run's commit until every delivery is recorded as delivered gives deliveries per
 * second. Baseline, measured in the same run against the same receiver: the same number of signed POSTs sent
 * straight from a JDK HttpClient with the same parallelism (no outbox, no database): what the network and receiver
 * allow at best. Repeated; medians reported, on H2 and on PostgreSQL.
 *
 * <pre>
 *   ./mvnw -q -B -o -pl strata-bench -am compile
 *   ./mvnw -q -B -o -pl strata-bench dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/cp.txt) \
 *        org.strata.bench.DeliveryBurstBenchmark [burst=10000] [repetitions=5]
 * </pre>
 */
public final class DeliveryBurstBenchmark {

    private static final String SECRET = "bench-secret";
    private static final int CONCURRENCY = 32;

    private DeliveryBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // a receiver per database: both databases number their deliveries from 1, so their keys coincide
        try (Receiver receiver = new Receiver()) {
            measure("H2", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1", "sa", receiver, burst, repetitions);
        }
        try (Receiver receiver = new Receiver(); EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            measure("PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", receiver, burst,
                    repetitions);
        }
    }

    private static void measure(String database, String url, String user, Receiver receiver, int burst,
                                int repetitions) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        "--logging.level.root=WARN", "--strata.playbook.delivery.concurrency=" + CONCURRENCY,
                        "--strata.playbook.delivery.poll-interval=PT0.05S");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Api api = new Api("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"),
                    BenchAdmin.authorization(app));
            api.post("/api/v1/tiering/schemes/import", "application/yaml", """
                    key: burst
                    name: {zh: 压测, en: Burst}
                    tiers:
                      - {key: vip, name: {zh: 重要价值客户, en: VIP}, rule: monetary_365d >= 1000}
                    default: {key: other, name: {zh: 其他, en: Others}}
                    """);
            api.post("/api/v1/tiering/schemes/burst/publish", "application/json", "{}");
            api.post("/api/v1/playbooks", "application/json", """
                    {"nameZh": "压测", "trigger": {"kind": "entered_tier", "scheme": "burst", "tier": "vip"},
                     "actions": [{"kind": "webhook", "settings": {"url": "%s", "secret": "%s"}}]}
                    """.formatted(receiver.url(), SECRET));
            double[] record = new double[repetitions];
            double[] outbox = new double[repetitions];
            double[] baseline = new double[repetitions];
            for (int rep = 0; rep < repetitions; rep++) {
                long first = 1L + (long) rep * burst;
                customers(jdbc, first, burst);
                app.getBean(TieringLiveUpdates.class).bulkDataChanged();
                int before = receiver.accepted.size();
                long runStart = System.nanoTime();
                api.post("/api/v1/tiering/schemes/burst/runs", "application/json", "{}");
                long committed = System.nanoTime();
                int target = (rep + 1) * burst;
                while (jdbc.queryForObject("SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'delivered'",
                        Integer.class) < target) {
                    Thread.sleep(10);
                }
                record[rep] = seconds(runStart, committed);
                outbox[rep] = burst / seconds(committed, System.nanoTime());
                if (receiver.accepted.size() - before != burst) {
                    throw new IllegalStateException("receiver got " + (receiver.accepted.size() - before)
                            + " distinct keys, expected " + burst);
                }
                baseline[rep] = burst / direct(receiver, burst, rep);
            }
            System.out.printf(Locale.ROOT, "%s, burst of %,d: run with outbox recording %.2f s (median); delivery "
                            + "%.0f deliveries/s (median of %s); direct HttpClient baseline %.0f requests/s (median of "
                            + "%s); ratio %.2f%n", database, burst, median(record), median(outbox), rounded(outbox),
                    median(baseline), rounded(baseline), median(outbox) / median(baseline));
        } finally {
            app.close();
        }
    }

    /** Seconds to POST {@code count} signed bodies straight to the receiver with the worker's parallelism. */
    private static double direct(Receiver receiver, int count, int rep) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "direct-" + rep + "-" + i;
            String body = "{\"idempotencyKey\": \"" + key + "\", \"customer\": {\"id\": " + i + "}}";
            calls.add(pool.submit(() -> {
                long timestamp = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                        .header("Content-Type", "application/json").header("X-Strata-Idempotency-Key", key)
                        .header("X-Strata-Timestamp", Long.toString(timestamp))
                        .header("X-Strata-Signature", Signatures.webhook(SECRET, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException stale) {
                    // as the worker does: one immediate retry when a pooled connection was closed under us
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }
            }));
        }
        for (Future<Integer> call : calls) {
            if (call.get() != 200) {
                throw new IllegalStateException("direct call answered " + call.get());
            }
        }
        double seconds = seconds(start, System.nanoTime());
        pool.shutdown();
        return seconds;
    }

    private static void customers(JdbcTemplate jdbc, long first, int count) {
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.now().minusSeconds(86_400));
        for (long id = first; id < first + count; id++) {
            customers.add(new Object[] {id, "c" + id});
            orders.add(new Object[] {"b" + id, id, at});
        }
        jdbc.batchUpdate("INSERT INTO customers (id, name) VALUES (?, ?)", customers);
        jdbc.batchUpdate("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) "
                + "VALUES (?, ?, ?, 5000, 'completed')", orders);
    }

    private static String rounded(double[] values) {
        return Arrays.toString(Arrays.stream(values).map(Math::round).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private record Api(String base, String authorization) {

        void post(String path, String contentType, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + path)).header("Content-Type", contentType).header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body,
                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** A webhook receiver on 127.0.0.1 that verifies signatures and counts distinct idempotency keys. */
    private static final class Receiver implements AutoCloseable {

        final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(16);

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String key = exchange.getRequestHeaders().getFirst("X-Strata-Idempotency-Key");
                String timestamp = exchange.getRequestHeaders().getFirst("X-Strata-Timestamp");
                boolean valid = Signatures.webhook(SECRET, Long.parseLong(timestamp),
                        new String(body, StandardCharsets.UTF_8))
                        .equals(exchange.getRequestHeaders().getFirst("X-Strata-Signature"));
                if (valid) {
                    accepted.put(key, Boolean.TRUE);
                }
                exchange.sendResponseHeaders(valid ? 200 : 401, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
