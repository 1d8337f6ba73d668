package org.strata.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.access.ApiTokens;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.UserAccounts;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.quality.QualityFigures;

/**
 * Server response time of every console page, and of the JSON behind the dashboard's charts, on a million customers
 * on (embedded) PostgreSQL. The issue asks for every page under one second; the figure printed is the median of
 * {@value #TIMED} requests after {@value #WARM_UP} warm-up requests, with the slowest of them.
 *
 * <pre>
 *   java /work/shared/bench/GenOrders.java 1000000 /tmp/console-bench 42
 *   ./mvnw -q -B -o -pl strata-bench -am compile
 *   ./mvnw -q -B -o -pl strata-bench dependency:build-classpath -Dmdep.outputFile=/tmp/page.cp
 *   java -Xmx6g -cp strata-bench/target/classes:strata-server/target/classes:strata-engine/target/classes:$(cat /tmp/page.cp) \
 *        org.strata.bench.PageTimeBench /tmp/console-bench/customers.csv /tmp/console-bench/orders.csv [DATA_DIR]
 * </pre>
 * {@code -Dbench.pages=quality} (parts of page names, comma-separated) measures only the pages named so.
 * With {@code DATA_DIR} the database lives there and outlives the run: a second sitting (after a code change, whose
 * migrations Flyway then applies) skips the loading and the runs and measures the same data again, so a before/after
 * comparison costs one load, not two.
 * Data is loaded with COPY as in {@link CustomerApiBench}; then the retail preset is published and run twice (at two
 * as-of days, so the migration matrix and the history have something to show) and the lifecycle preset once, through
 * the REST API. "Render time" is the time to the last byte of the HTML (charts load their JSON afterwards, measured
 * separately). Pages are requested in Chinese, the default language.
 */
public final class PageTimeBench {

    private static final int WARM_UP = 2;
    private static final int TIMED = 7;

    public static void main(String[] args) throws Exception {
        Path customers = Path.of(args[0]);
        Path orders = Path.of(args[1]);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "64MB");
        if (args.length > 2) {
            builder.setDataDirectory(Path.of(args[2])).setCleanDataDirectory(false);
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext context = new SpringApplication(StrataApplication.class).run(
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--server.port=0", "--logging.level.root=WARN",
                    "--logging.level.org.strata.server.tiering.TieringRunner=INFO",
                    "--logging.level.org.strata.server.quality.QualityFigures=INFO");
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            if (alreadyLoaded(postgres)) {
                System.out.println("data directory already holds the loaded and tiered data: measuring only");
            } else {
                loadAndTier(postgres, context, base, customers, orders);
            }
            System.out.println("-- administrator (every customer)");
            measure(base, BenchAdmin.authorization(context), 123_456);
            System.out.println("-- sales rep (scope: own customers, owner 3)");
            measure(base, salesRep(context), context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT MIN(id) FROM customers WHERE owner_id = 3").query(Long.class).single());
            context.close();
        }
    }

    private static boolean alreadyLoaded(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM tiering_runs WHERE status = 'succeeded'")) {
            rs.next();
            return rs.getLong(1) >= 3;
        }
    }

    /** A sales rep who sees the customers of owner 3 (one of the eight owners of the generated data). */
    private static String salesRep(ConfigurableApplicationContext context) {
        String username = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT username FROM users WHERE id = 3").query(String.class).single();
        context.getBean(UserAccounts.class).create(username, username, null, null, Role.SALES_REP, DataScope.MINE,
                "bench-" + UUID.randomUUID());
        return "Bearer " + context.getBean(ApiTokens.class).create(3L, "bench", Duration.ofDays(1)).token();
    }

    private static void loadAndTier(EmbeddedPostgres postgres, ConfigurableApplicationContext context, String base,
                                    Path customers, Path orders) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            long start = System.nanoTime();
            CustomerApiBench.load(connection, customers, orders);
            context.getBean(CustomerStatsRefresher.class).refreshAll();
            System.out.printf("loaded and statistics refreshed in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        // COPY went past the imports that keep the quality figures
        long rebuild = System.nanoTime();
        context.getBean(QualityFigures.class).rebuildAll();
        System.out.printf("quality figures rebuilt in %.1f s%n", (System.nanoTime() - rebuild) / 1e9);
        String admin = BenchAdmin.authorization(context);
        long start = System.nanoTime();
        for (String scheme : new String[] {"retail", "lifecycle"}) {
            send(base, admin, "POST", "/api/v1/tiering/presets/" + scheme + "/instantiate", "{}");
            send(base, admin, "POST", "/api/v1/tiering/schemes/" + scheme + "/publish", "{}");
        }
        send(base, admin, "POST", "/api/v1/tiering/schemes/retail/runs", "{\"asOf\":\"2026-03-31\"}");
        send(base, admin, "POST", "/api/v1/tiering/schemes/retail/runs", "{\"asOf\":\"2026-06-30\"}");
        send(base, admin, "POST", "/api/v1/tiering/schemes/lifecycle/runs", "{\"asOf\":\"2026-06-30\"}");
        System.out.printf("schemes published and run in %.1f s%n", (System.nanoTime() - start) / 1e9);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** @param customerId a customer the caller may see, for the 360° page */
    private static void measure(String base, String authorization, long customerId) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard /", "/");
        pages.put("  json summary (KPIs, tiers)", "/api/v1/dashboard/summary?scheme=retail");
        pages.put("  json pareto", "/api/v1/dashboard/pareto");
        pages.put("  json migration", "/api/v1/dashboard/migration?scheme=retail");
        pages.put("  json history", "/api/v1/dashboard/history?scheme=retail");
        pages.put("  json retention", "/api/v1/dashboard/retention?scheme=retail");
        pages.put("customers (first page)", "/customers?scheme=retail");
        pages.put("customers page 20", "/customers?scheme=retail&page=20");
        pages.put("customers tier=vip", "/customers?scheme=retail&tier=vip");
        pages.put("customers stage=dormant", "/customers?scheme=retail&stage=dormant");
        pages.put("customers tag=spend_growing", "/customers?scheme=retail&tag=spend_growing");
        pages.put("customers region, last order", "/customers?scheme=retail&region=" + enc("西北")
                + "&sort=last_order_at,desc");
        pages.put("customers industry+tier", "/customers?scheme=retail&tier=vip&industry=" + enc("软件"));
        pages.put("customers owner+region", "/customers?scheme=retail&owner=3&region=" + enc("华东"));
        pages.put("customers search name", "/customers?scheme=retail&q=" + enc("客户123456"));
        pages.put("customers search id", "/customers?scheme=retail&q=C123456");
        // Every generated name is 客户<number>: one character matches every customer, four digits about one in 300.
        pages.put("customers search 1 char", "/customers?scheme=retail&q=" + enc("客"));
        pages.put("customers search digits", "/customers?scheme=retail&q=4242");
        pages.put("customers search email", "/customers?scheme=retail&q=" + enc("C123456@Example.CN"));
        pages.put("customer 360", "/customers/" + customerId);
        pages.put("schemes", "/schemes");
        pages.put("scheme editor", "/schemes/retail");
        pages.put("imports", "/imports");
        pages.put("runs", "/runs");
        pages.put("quality", "/quality");
        pages.put("  json quality", "/api/v1/quality");
        Set<String> only = pagesToMeasure();
        if (!only.isEmpty()) {
            pages.keySet().removeIf(label -> only.stream().noneMatch(label.trim()::startsWith));
        }
        System.out.printf("%-32s %10s %10s%n", "page", "median ms", "max ms");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            if (!allowed(base, authorization, page.getValue())) {
                System.out.printf("%-32s %21s%n", page.getKey(), "not allowed for the role");
                continue;
            }
            double[] times = new double[TIMED];
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                long start = System.nanoTime();
                send(base, authorization, "GET", page.getValue(), null);
                if (i >= WARM_UP) {
                    times[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(times);
            System.out.printf("%-32s %10.1f %10.1f%n", page.getKey(), times[TIMED / 2], times[TIMED - 1]);
        }
    }

    /**
     * {@code -Dbench.pages=label,label} measures only the pages whose label (as printed, without the leading spaces)
     * starts with one of those texts, e.g. {@code "customers search,json pareto"}; by default every page.
     */
    private static Set<String> pagesToMeasure() {
        String labels = System.getProperty("bench.pages", "");
        return Arrays.stream(labels.split(",")).map(String::trim).filter(label -> !label.isEmpty())
                .collect(Collectors.toSet());
    }

    /** A sales rep may not open the imports, runs or quality pages: those are answered 403 and not timed. */
    private static boolean allowed(String base, String authorization, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 403;
    }

    private static String send(String base, String authorization, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private PageTimeBench() {
    }
}
