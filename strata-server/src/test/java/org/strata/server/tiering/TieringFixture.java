package org.strata.server.tiering;

import org.strata.server.testsupport.CustomerData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small B2B data set whose tiers are checked by hand (as of 2026-07-01, Asia/Shanghai):
 * <pre>
 * 1001 alice  orders 6,000,000 (2026-03-01) + erin's 10,000      monetary_365d 6,010,000  -> a
 * 1002 bob    order 2,000,000 (2025-07-15)                        2,000,000               -> b
 * 1003 carol  distributor, order 100,000                          100,000                 -> c
 * 1004 dave   order 500,000 (2026-06-01)                          500,000                 -> d
 * 1005 erin   merged into alice: not tiered, her order counts for alice
 * 1006 frank  a cancelled order of 9,000,000 only                 0                       -> d
 * </pre>
 */
final class TieringFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-07-01T02:00:00Z");
    static final long ALICE = 1001;
    static final long BOB = 1002;
    static final long CAROL = 1003;
    static final long DAVE = 1004;
    static final long ERIN = 1005;
    static final long FRANK = 1006;

    static final String SCHEME_YAML = """
            key: b2b_test
            name: {zh: 测试分级, en: Test tiers}
            tiers:
              - key: a
                name: {zh: A 类, en: A}
                rule: monetary_365d >= 5000000
              - key: b
                name: {zh: B 类, en: B}
                rule: monetary_365d >= 1000000
              - key: c
                name: {zh: 经销商, en: Distributors}
                rule: customer_type = 'distributor'
            default: {key: d, name: {zh: 其他, en: Others}}
            tags:
              - {key: big_buyer, name: {zh: 大单, en: Big orders}, rule: avg_order_value >= 1000000}
            """;

    private final JdbcTemplate jdbc;
    private int orderNo;

    TieringFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table the tests touch and loads the customers and orders above. */
    void reset() {
        for (String table : List.of("tiering_ledger", "tiering_tag_memberships", "tiering_memberships",
                "tiering_pins", "tiering_runs", "tiering_scheme_versions", "tiering_schemes", "events", "orders")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE customers SET merged_into = NULL");
        jdbc.update("DELETE FROM customer_figures");
        jdbc.update("DELETE FROM customers");
        customer(ALICE, "alice", null, null);
        customer(BOB, "bob", null, null);
        customer(CAROL, "carol", null, "{\"customer_type\": \"distributor\"}");
        customer(DAVE, "dave", null, null);
        customer(ERIN, "erin", ALICE, null);
        customer(FRANK, "frank", null, null);
        order(ALICE, LocalDate.of(2026, 3, 1), 6_000_000, "completed");
        order(BOB, LocalDate.of(2025, 7, 15), 2_000_000, "completed");
        order(CAROL, LocalDate.of(2026, 5, 1), 100_000, "completed");
        order(DAVE, LocalDate.of(2026, 6, 1), 500_000, "completed");
        order(ERIN, LocalDate.of(2026, 4, 1), 10_000, "completed");
        order(FRANK, LocalDate.of(2026, 6, 10), 9_000_000, "cancelled");
    }

    void customer(long id, String name, Long mergedInto, String attributes) {
        jdbc.update("INSERT INTO customers (id, name, type, merged_into, attributes, created_at) "
                        + "VALUES (?, ?, 'company', ?, ?, ?)", id, name, mergedInto, attributes,
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")));
        CustomerData.zeroFigures(jdbc, id);
    }

    void order(long customerId, LocalDate day, double amount, String status) {
        jdbc.update("INSERT INTO orders (order_no, customer_id, ordered_at, amount, status) VALUES (?, ?, ?, ?, ?)",
                "o" + (++orderNo) + "-" + customerId, customerId,
                Timestamp.from(day.atTime(10, 0).atZone(SHANGHAI).toInstant()), amount, status);
    }

    String tierOf(String scheme, long customerId) {
        return jdbc.query("SELECT m.tier_key FROM tiering_memberships m JOIN tiering_schemes s ON s.id = m.scheme_id "
                        + "WHERE s.scheme_key = ? AND m.customer_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, scheme, customerId);
    }

    int ledgerRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tiering_ledger", Integer.class);
    }

    String membershipsFingerprint() {
        return String.join(",", jdbc.queryForList("SELECT CONCAT(customer_id, ':', tier_key, ':', pending_runs, ':', since) "
                + "FROM tiering_memberships ORDER BY scheme_id, customer_id", String.class));
    }
}
