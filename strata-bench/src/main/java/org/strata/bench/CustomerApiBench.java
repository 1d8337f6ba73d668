package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.customer.CustomerStatsRefresher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Latency of the customer list and 360° API on a million customers on (embedded) PostgreSQL.
 *
 * <pre>
 *   java /work/shared/bench/GenOrders.java 1000000 /tmp/bench 42
 *   ./mvnw -q -B -o -pl strata-bench -am package -DskipTests
 *   java -Xmx2g -cp "strata-bench/target/classes:$(cat strata-bench/target/classpath.txt)" \
 *        org.strata.bench.CustomerApiBench /tmp/bench/customers.csv /tmp/bench/orders.csv
 * </pre>
 * The data is bulk-loaded with COPY (the import path is measured by its own benchmark); the order statistics are
 * then computed by {@link CustomerStatsRefresher#refreshAll()}, whose time is reported too. Each request is sent
 * over HTTP to the running server, warmed up, then timed; medians and 95th percentiles are printed.
 */
public final class CustomerApiBench {

    private static final int WARM_UP = 5;
    private static final int TIMED = 31;

    public static void main(String[] args) throws Exception {
        Path customers = Path.of(args[0]);
        Path orders = Path.of(args[1]);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext context = new SpringApplication(StrataApplication.class).run(
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--server.port=0", "--logging.level.root=WARN");
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                long start = System.nanoTime();
                load(connection, customers, orders);
                System.out.printf("loaded with COPY in %.1f s%n", (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                context.getBean(CustomerStatsRefresher.class).refreshAll();
                System.out.printf("CustomerStatsRefresher.refreshAll() in %.1f s%n", (System.nanoTime() - start) / 1e9);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE");
                }
            }
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            measure("http://127.0.0.1:" + port, BenchAdmin.authorization(context));
            context.close();
        }
    }

    private static void measure(String base, String authorization) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        SplittableRandom random = new SplittableRandom(7);
        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        scenarios.put("list, first page (created_at desc)", List.of("/api/v1/customers?size=50"));
        scenarios.put("list, page 100", List.of("/api/v1/customers?size=50&page=100"));
        scenarios.put("sort total_spent desc", List.of("/api/v1/customers?size=50&sort=total_spent,desc"));
        scenarios.put("sort last_order_at desc", List.of("/api/v1/customers?size=50&sort=last_order_at,desc"));
        scenarios.put("filter region+industry", List.of("/api/v1/customers?size=50&region=" + enc("华东")
                + "&industry=" + enc("软件")));
        scenarios.put("filter owner, sort total_spent", List.of("/api/v1/customers?size=50&owner=3&sort=total_spent,desc"));
        scenarios.put("filter region + includeTotal", List.of("/api/v1/customers?size=50&region=" + enc("西北")
                + "&includeTotal=true"));
        List<String> names = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < TIMED + WARM_UP; i++) {
            int id = 1 + random.nextInt(1_000_000);
            names.add("/api/v1/customers?size=50&q=" + enc("客户" + id));
            externalIds.add("/api/v1/customers?size=50&q=C" + id);
            details.add("/api/v1/customers/" + id);
        }
        scenarios.put("search name (客户N, contains)", names);
        scenarios.put("search external id (exact)", externalIds);
        scenarios.put("360 GET /customers/{id}", details);
        System.out.printf("%-36s %10s %10s%n", "request", "median ms", "p95 ms");
        for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
            double[] times = new double[TIMED];
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                List<String> paths = scenario.getValue();
                String path = paths.get(i % paths.size());
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", authorization).build(),
                        HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
                if (i >= WARM_UP) {
                    times[i - WARM_UP] = ms;
                }
            }
            Arrays.sort(times);
            System.out.printf("%-36s %10.1f %10.1f%n", scenario.getKey(), times[TIMED / 2],
                    times[(int) Math.ceil(TIMED * 0.95) - 1]);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Customers, their identifiers, owners as users, and orders, in PostgreSQL's COPY text format. */
    static void load(Connection connection, Path customersCsv, Path ordersCsv) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> owners = new HashMap<>();
        StringBuilder customerRows = new StringBuilder(1 << 20);
        StringBuilder identifierRows = new StringBuilder(1 << 20);
        Set<String> phones = new HashSet<>();
        long customers = 0;
        try (BufferedReader reader = Files.newBufferedReader(customersCsv)) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                // customer_id,name,phone,email,owner,industry,region,created_at
                String[] f = line.split(",", -1);
                long id = Long.parseLong(f[0].substring(1));
                Long owner = owners.computeIfAbsent(f[4], name -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("INSERT INTO users (username, display_name) VALUES ('" + name + "', '" + name
                                + "')", Statement.RETURN_GENERATED_KEYS);
                        var keys = statement.getGeneratedKeys();
                        keys.next();
                        return keys.getLong(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String phone = "+86" + f[2];
                customerRows.append(id).append('\t').append(f[0]).append('\t').append(f[1]).append('\t')
                        .append(phone).append('\t').append(f[3]).append('\t').append(owner).append('\t')
                        .append(f[5]).append('\t').append(f[6]).append("\tbench\t").append(f[7])
                        .append(" 00:00:00+08\n");
                identifierRows.append(id).append('\t').append(id).append("\tcustomer_id\tbench\t").append(f[0])
                        .append('\n');
                identifierRows.append(id).append('\t').append(id).append("\temail\t\t").append(f[3]).append('\n');
                if (phones.add(phone)) {
                    identifierRows.append(id).append('\t').append(id).append("\tphone\t\t").append(phone).append('\n');
                }
                if (++customers % 100_000 == 0) {
                    flush(copy, customerRows, identifierRows);
                }
            }
        }
        flush(copy, customerRows, identifierRows);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customers ALTER COLUMN id RESTART WITH " + (customers + 1));
        }
        StringBuilder orderRows = new StringBuilder(1 << 22);
        long orders = 0;
        try (BufferedReader reader = Files.newBufferedReader(ordersCsv)) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                // order_id,customer_id,ordered_at,amount
                String[] f = line.split(",", -1);
                orderRows.append("bench\t").append(f[0]).append('\t').append(f[1].substring(1)).append('\t')
                        .append(f[1]).append('\t').append(f[2]).append("+08\t").append(f[3]).append("\tcompleted\n");
                if (++orders % 500_000 == 0) {
                    copyIn(copy, "orders (source, order_no, customer_id, customer_ref, ordered_at, amount, status)", orderRows);
                }
            }
        }
        copyIn(copy, "orders (source, order_no, customer_id, customer_ref, ordered_at, amount, status)", orderRows);
        System.out.printf("customers=%d orders=%d%n", customers, orders);
    }

    private static void flush(CopyManager copy, StringBuilder customers, StringBuilder identifiers) throws Exception {
        copyIn(copy, "customers (id, external_id, name, phone, email, owner_id, industry, region, source, created_at)",
                customers);
        copyIn(copy, "customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value)", identifiers);
    }

    private static void copyIn(CopyManager copy, String table, StringBuilder rows) throws IOException, java.sql.SQLException {
        try (Reader reader = new StringReader(rows.toString())) {
            copy.copyIn("COPY " + table + " FROM STDIN", reader);
        }
        rows.setLength(0);
    }

    private CustomerApiBench() {
    }
}
