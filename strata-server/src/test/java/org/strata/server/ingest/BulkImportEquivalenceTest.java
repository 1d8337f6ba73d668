package org.strata.server.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.StrataApplication;
import org.strata.server.testsupport.Databases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk path and the batch path store the same thing. The same random files (customers sharing phones, emails and
 * WeChat ids so that they merge, transitively; customers repeated in a file, or none repeated; rejected rows; orders
 * before and after their customers; a second customer file without ids that updates by phone) are imported into
 * PostgreSQL databases, one in batches of 7 rows, one in bulk, and one in bulk remembering a single repeated key (so
 * that it groups all keys, as for a file with more repeated keys than it remembers), and every table is compared, ids
 * translated into the records' own keys.
 */
class BulkImportEquivalenceTest {

    private static ConfigurableApplicationContext inBatches;
    private static ConfigurableApplicationContext inBulk;
    private static ConfigurableApplicationContext inBulkGroupingAllKeys;

    @BeforeAll
    static void startEveryWay() {
        inBatches = start("never", "--strata.import.batch-size=7");
        // hand-overs of 7 rows: the first loads keep a COPY open across many of them, paused for an owner or a team
        // first named, or a rejected row, in a later one
        inBulk = start("always", "--strata.import.batch-size=7");
        // and holding only 200 identifiers in memory: the shop's ids fit, orders naming customers by phone are
        // linked in SQL
        inBulkGroupingAllKeys = start("always", "--strata.import.bulk-repeated-keys=1",
                "--strata.import.bulk-identifiers-in-memory=200");
    }

    @AfterAll
    static void stop() {
        inBatches.close();
        inBulk.close();
        inBulkGroupingAllKeys.close();
    }

    private static ConfigurableApplicationContext start(String bulk, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + Databases.freshPostgresUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.main.banner-mode=off", "--strata.import.bulk=" + bulk));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(StrataApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void randomFilesImportedInBulkGiveTheTablesTheyGiveInBatches() {
        // Seeds 4 and 5 repeat no customer: their first customer file goes in as every record a new customer.
        for (long seed = 1; seed <= 5; seed++) {
            Files files = new Files(new SplittableRandom(seed), seed <= 3);
            List<List<ImportCounts>> counts = new ArrayList<>();
            for (ConfigurableApplicationContext context : List.of(inBatches, inBulk, inBulkGroupingAllKeys)) {
                ImportTables.clear(context.getBean(JdbcTemplate.class));
                counts.add(importAll(context.getBean(ImportService.class), files));
            }
            assertThat(counts.get(1)).as("counts, seed %d", seed).isEqualTo(counts.get(0));
            assertThat(counts.get(2)).as("counts grouping all keys, seed %d", seed).isEqualTo(counts.get(0));
            for (ConfigurableApplicationContext context : List.of(inBulk, inBulkGroupingAllKeys)) {
                assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT (SELECT last_value FROM"
                        + " customer_identifiers_id_seq) >= (SELECT COALESCE(MAX(id), 0) FROM customer_identifiers)",
                        Boolean.class)).as("identifier ids drawn from their sequence, seed %d", seed).isTrue();
            }
            for (String table : TABLES.keySet()) {
                List<String> expected = rows(inBatches, table);
                assertThat(rows(inBulk, table)).as("%s, seed %d", table, seed).containsExactlyElementsOf(expected);
                assertThat(rows(inBulkGroupingAllKeys, table)).as("%s grouping all keys, seed %d", table, seed)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void ordersLoadedIntoAnEmptyTableAfterTheirCustomersGiveTheTablesTheyGiveInBatches() {
        for (long seed = 4; seed <= 5; seed++) {
            Files files = new Files(new SplittableRandom(seed), true);
            List<ParsedRow<OrderRecord>> allOrders = new ArrayList<>(files.earlyOrders);
            allOrders.addAll(files.orders);
            List<List<ImportCounts>> counts = new ArrayList<>();
            for (ConfigurableApplicationContext context : List.of(inBatches, inBulk, inBulkGroupingAllKeys)) {
                ImportTables.clear(context.getBean(JdbcTemplate.class));
                ImportService imports = context.getBean(ImportService.class);
                counts.add(List.of(run(imports, ImportKind.CUSTOMERS, files.customers).counts(),
                        run(imports, ImportKind.ORDERS, allOrders).counts()));
            }
            assertThat(counts.get(1)).as("counts, seed %d", seed).isEqualTo(counts.get(0));
            assertThat(counts.get(2)).as("counts linking some in SQL, seed %d", seed).isEqualTo(counts.get(0));
            assertThat(counts.get(0).get(1).duplicates()).as("the repeated order").isEqualTo(1);
            for (String table : TABLES.keySet()) {
                List<String> expected = rows(inBatches, table);
                assertThat(rows(inBulk, table)).as("%s, seed %d", table, seed).containsExactlyElementsOf(expected);
                assertThat(rows(inBulkGroupingAllKeys, table)).as("%s linking some in SQL, seed %d", table, seed)
                        .containsExactlyElementsOf(expected);
            }
            // source|order_no|customer|origin customer|reference|kind|...
            assertThat(rows(inBulk, "orders")).as("orders found their customers by phone and by e-mail")
                    .anyMatch(row -> row.split("\\|")[5].equals("phone") && !row.split("\\|")[2].equals("null"))
                    .anyMatch(row -> row.split("\\|")[5].equals("email") && !row.split("\\|")[2].equals("null"));
        }
    }

    /**
     * A first customers file is copied straight into the emptied tables (identity.IntoEmptyCustomers), and gives the
     * tables the staged path gives for it. The files are harsher than the batch path can be compared on: customers
     * repeated with other phones, e-mails and WeChat ids, keys shared with the rows folded away, customers known only
     * by phone or e-mail, several owners and teams. The staged path is made to run by one unrelated customer stored
     * before the file (any stored customer keeps a load off the copy).
     */
    @Test
    void aFirstCustomersFileCopiedIntoTheEmptiedTablesGivesTheTablesTheStagedPathGives() {
        JdbcTemplate jdbc = inBulk.getBean(JdbcTemplate.class);
        ImportService imports = inBulk.getBean(ImportService.class);
        for (long seed = 1; seed <= 8; seed++) {
            List<ParsedRow<CustomerRecord>> file = collidingCustomers(new SplittableRandom(seed));

            ImportTables.clear(jdbc);
            long filesBefore = customerTableFile(jdbc);
            ImportCounts copied = run(imports, ImportKind.CUSTOMERS, file).counts();
            assertThat(customerTableFile(jdbc)).as("customers emptied and copied into, seed %d", seed)
                    .isNotEqualTo(filesBefore);
            Map<String, List<String>> copiedTables = customerTables(inBulk);

            ImportTables.clear(jdbc);
            run(imports, ImportKind.CUSTOMERS, List.of(new ParsedRow<>(2, new CustomerRecord("crm", "unrelated",
                    "无关", "person", null, null, null, null, null, null,
                    OffsetDateTime.parse("2024-01-01T00:00:00+08:00"), null, null), List.of())));
            long filesAfterOne = customerTableFile(jdbc);
            ImportCounts staged = run(imports, ImportKind.CUSTOMERS, file).counts();
            assertThat(customerTableFile(jdbc)).as("staged into the stored customers, seed %d", seed)
                    .isEqualTo(filesAfterOne);
            jdbc.update("DELETE FROM customer_identifiers WHERE namespace = 'crm'");
            jdbc.update("DELETE FROM customer_figures WHERE customer_id IN (SELECT id FROM customers"
                    + " WHERE external_id = 'unrelated')");
            jdbc.update("DELETE FROM customers WHERE external_id = 'unrelated'");

            assertThat(copied).as("counts, seed %d", seed).isEqualTo(staged);
            assertThat(copied.duplicates()).as("repeated customers, seed %d", seed).isPositive();
            assertThat(copied.merges()).as("merges, seed %d", seed).isPositive();
            Map<String, List<String>> stagedTables = customerTables(inBulk);
            for (String table : copiedTables.keySet()) {
                assertThat(copiedTables.get(table)).as("%s, seed %d", table, seed)
                        .containsExactlyElementsOf(stagedTables.get(table));
            }
            assertThat(jdbc.queryForObject("SELECT (SELECT last_value FROM customer_identifiers_id_seq)"
                    + " >= (SELECT MAX(id) FROM customer_identifiers) AND (SELECT last_value FROM customers_id_seq)"
                    + " >= (SELECT MAX(id) FROM customers)", Boolean.class)).as("ids drawn from their sequences")
                    .isTrue();
        }
    }

    /** The file node of customers: TRUNCATE gives the table a new one, a staged load keeps it. */
    private static long customerTableFile(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT pg_relation_filenode('customers')", Long.class);
    }

    private static Map<String, List<String>> customerTables(ConfigurableApplicationContext context) {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        for (String table : List.of("customers", "customer_figures", "customer_identifiers", "identity_merges")) {
            tables.put(table, rows(context, table));
        }
        tables.put("owners and teams", context.getBean(JdbcTemplate.class).query("SELECT c.external_id, c.phone,"
                + " c.email, u.username, t.code FROM customers c LEFT JOIN users u ON u.id = c.owner_id"
                + " LEFT JOIN teams t ON t.id = c.team_id", (rs, n) -> rs.getString(1) + "|" + rs.getString(2)
                + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5)).stream().sorted().toList());
        return tables;
    }

    /**
     * Customers drawn from small pools of ids, phones, e-mails and WeChat ids, so that records repeat (the later
     * wins), share keys with each other and with repeated records, and some are known only by phone or e-mail.
     */
    private static List<ParsedRow<CustomerRecord>> collidingCustomers(SplittableRandom random) {
        List<ParsedRow<CustomerRecord>> rows = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            String externalId = random.nextInt(10) < 7 ? "C" + random.nextInt(110) : null;
            String phone = random.nextInt(5) > 0 || externalId == null ? "+86138000" + (10_000 + random.nextInt(90))
                    : null;
            String email = random.nextInt(3) == 0 ? "m" + random.nextInt(50) + "@example.cn" : null;
            Map<String, String> identifiers = random.nextInt(4) == 0
                    ? Map.of("wechat_openid", "wx" + random.nextInt(30)) : null;
            rows.add(new ParsedRow<>(i + 2, new CustomerRecord("shop", externalId, "客户 " + i,
                    random.nextBoolean() ? "person" : "company", phone, email, "owner" + random.nextInt(4),
                    random.nextInt(3) == 0 ? null : "team" + random.nextInt(3), "零售", "华东",
                    OffsetDateTime.parse("2025-01-01T00:00:00+08:00").plusHours(i), identifiers,
                    random.nextInt(5) == 0 ? Map.of("tier", "gold") : null), List.of()));
        }
        return rows;
    }

    private static List<ImportCounts> importAll(ImportService imports, Files files) {
        List<ImportCounts> counts = new ArrayList<>();
        counts.add(run(imports, ImportKind.ORDERS, files.earlyOrders).counts());
        counts.add(run(imports, ImportKind.CUSTOMERS, files.customers).counts());
        counts.add(run(imports, ImportKind.ORDERS, files.orders).counts());
        ImportJob again = run(imports, ImportKind.CUSTOMERS, files.customersAsStored());
        assertThat(again.counts().inserted() + again.counts().updated()).as("a re-import writes nothing")
                .isZero();
        counts.add(again.counts());
        counts.add(run(imports, ImportKind.CUSTOMERS, files.byPhone).counts());
        return counts;
    }

    private static <T> ImportJob run(ImportService imports, ImportKind kind, List<ParsedRow<T>> rows) {
        return imports.importRows(kind, "shop", kind + ".csv", RowSource.of(rows), ProgressListener.NONE);
    }

    /** Each table as text rows in a stable order, customer ids replaced by the customer's own key. */
    private static final String LABEL = "(SELECT COALESCE(x.external_id, x.phone, x.email) FROM customers x WHERE x.id = %s)";

    private static final Map<String, String> TABLES = Map.of(
            "customers", "SELECT COALESCE(c.external_id, c.phone, c.email), c.name, c.type, c.phone, c.email,"
                    + " (SELECT username FROM users u WHERE u.id = c.owner_id), c.industry, c.region, c.source,"
                    + " c.created_at, c.attributes, " + LABEL.formatted("c.merged_into") + ","
                    // the name search keys: computed in Java in bulk (NameKeys), by V19's triggers in batches
                    + " CAST(c.name_keys AS text) FROM customers c",
            // every customer's row of figures: a customer without one would show here as nulls
            "customer_figures", "SELECT COALESCE(c.external_id, c.phone, c.email), f.order_count, f.total_spent,"
                    + " f.first_order_at, f.last_order_at FROM customers c"
                    + " LEFT JOIN customer_figures f ON f.customer_id = c.id",
            "customer_identifiers", "SELECT kind, namespace, id_value, " + LABEL.formatted("customer_id") + ", "
                    + LABEL.formatted("origin_customer_id") + " FROM customer_identifiers",
            "identity_merges", "SELECT " + LABEL.formatted("survivor_id") + ", " + LABEL.formatted("absorbed_id")
                    + ", key_kind, key_value, undone_at FROM identity_merges",
            "orders", "SELECT source, order_no, " + LABEL.formatted("customer_id") + ", "
                    + LABEL.formatted("origin_customer_id") + ", customer_ref, customer_ref_kind, ordered_at, amount,"
                    + " refund_amount, currency, status FROM orders",
            "import_errors", "SELECT line_no, column_no, column_name, raw_value, reason FROM import_errors");

    private static List<String> rows(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcTemplate.class).query(TABLES.get(table), (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.append(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                        : value instanceof java.sql.Timestamp t ? t.toInstant().toString() : value).append('|');
            }
            return row.toString();
        }).stream().sorted().toList();
    }

    /** Random files in which records collide on purpose. */
    private static final class Files {

        final List<ParsedRow<CustomerRecord>> customers = new ArrayList<>();
        final List<ParsedRow<CustomerRecord>> byPhone = new ArrayList<>();
        final List<ParsedRow<OrderRecord>> earlyOrders = new ArrayList<>();
        final List<ParsedRow<OrderRecord>> orders = new ArrayList<>();

        /**
         * The customer file as it was stored: each repeated customer once, with its last row. (The batch path writes
         * a customer repeated across batches once per row, so re-importing a file with repeats rewrites them.)
         */
        List<ParsedRow<CustomerRecord>> customersAsStored() {
            Map<String, ParsedRow<CustomerRecord>> last = new java.util.LinkedHashMap<>();
            for (ParsedRow<CustomerRecord> row : customers) {
                last.put(row.accepted() ? row.record().externalId() : "rejected " + row.line(), row);
            }
            return List.copyOf(last.values());
        }

        /** @param repeats whether some customers are repeated further down the file */
        Files(SplittableRandom random, boolean repeats) {
            int n = 150;
            List<String> ownKeysOnly = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Two in five customers share a phone or an email with another one: merges, some transitive.
                String phone = random.nextInt(5) < 2 ? "+861380000" + (1000 + random.nextInt(40))
                        : "+861390000" + (1000 + i);
                String email = random.nextInt(5) == 0 ? "shared" + random.nextInt(15) + "@example.cn"
                        : "c" + i + "@example.cn";
                String type = random.nextInt(40) == 0 ? "robot" : "person";
                // One in four has a WeChat id, which a few others share: keys beyond the record's own columns.
                Map<String, String> identifiers = random.nextInt(4) == 0
                        ? Map.of("wechat_openid", "wx" + random.nextInt(n / 3)) : null;
                // (not a rejected one: its phone would make a new customer, created at the time of the import)
                if (phone.startsWith("+86139") && email.startsWith("c") && identifiers == null
                        && type.equals("person")) {
                    ownKeysOnly.add(phone);
                }
                CustomerRecord customer = new CustomerRecord("shop", "C" + i, "客户 " + i, type, phone, email,
                        "owner" + random.nextInt(3), null, "零售", "华东",
                        OffsetDateTime.parse("2025-01-01T00:00:00+08:00").plusDays(i), identifiers,
                        random.nextInt(10) == 0 ? Map.of("tier", "gold") : null);
                customers.add(new ParsedRow<>(customers.size() + 2, customer, List.of()));
            }
            // A few customers are repeated further down with a new name; the later row wins. Only customers whose
            // keys are their own: which of two rows with the same id counts as older depends on batch boundaries.
            for (int i = 0; repeats && i < 10; i++) {
                int which = random.nextInt(n);
                CustomerRecord first = customers.get(which).record();
                if (first.phone().startsWith("+86139") && first.email().startsWith("c")
                        && first.identifiers() == null) {
                    customers.add(new ParsedRow<>(customers.size() + 2, new CustomerRecord(first.source(),
                            first.externalId(), first.name() + " (New)", "person", first.phone(), first.email(),
                            first.owner(), null, first.industry(), "华南", first.createdAt(), null, null), List.of()));
                }
            }
            customers.add(new ParsedRow<>(customers.size() + 2, null,
                    List.of(new RowError(customers.size() + 2, 4, "phone", "12", "not a phone number"))));
            // Known only by phone: each updates the customer that phone belongs to (a customer nobody merges with,
            // each one once, for the same reason as above).
            for (int i = 0; i < Math.min(20, ownKeysOnly.size() / 3); i++) {
                String phone = ownKeysOnly.get(i * 3);
                byPhone.add(new ParsedRow<>(i + 2, new CustomerRecord("shop", null, "按电话 " + i, "company", phone,
                        null, null, null, "制造", null, null, null, null), List.of()));
            }
            for (int i = 0; i < 400; i++) {
                String status = List.of("completed", "completed", "refunded", "partially_refunded", "cancelled")
                        .get(random.nextInt(5));
                OrderRecord order = new OrderRecord("shop", "O" + i, "C" + random.nextInt(n + 10), null, null,
                        OffsetDateTime.parse("2025-06-01T10:00:00+08:00").plusHours(random.nextInt(5000)),
                        new BigDecimal(random.nextInt(100_000)).movePointLeft(2), null,
                        status.equals("partially_refunded") ? new BigDecimal("0.50") : null, null, null, status);
                (i < 60 ? earlyOrders : orders).add(new ParsedRow<>(i + 2, order, List.of()));
            }
            // Orders naming their customer by phone or e-mail, some known, some not.
            for (int i = 0; i < 40; i++) {
                CustomerRecord customer = customers.get(random.nextInt(customers.size() - 1)).record();
                boolean byPhone = i % 2 == 0;
                String phone = byPhone ? (i % 8 == 0 ? "+8613700000000" : customer.phone()) : null;
                String email = byPhone ? null : i % 8 == 1 ? "nobody@example.cn" : customer.email();
                orders.add(new ParsedRow<>(orders.size() + 2, new OrderRecord("shop", "P" + i, null, phone, email,
                        // more decimals and finer times than the columns keep: rounded alike on every path
                        OffsetDateTime.parse("2025-07-01T10:00:00+08:00").plusHours(i)
                                .plusNanos(random.nextInt(1_000_000_000)),
                        new BigDecimal(random.nextInt(100_000)).movePointLeft(3), null, null, null, null,
                        "completed"), List.of()));
            }
            // An order repeated with a new amount: the later row wins.
            OrderRecord repeated = orders.get(0).record();
            orders.add(new ParsedRow<>(orders.size() + 2, new OrderRecord(repeated.source(), repeated.orderNo(),
                    repeated.customerRef(), null, null, repeated.orderedAt(), new BigDecimal("999.99"), null, null,
                    null, null, "completed"), List.of()));
        }
    }
}
