package org.strata.server.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.testsupport.CustomerData;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A small, hand-checked company. Customer 4 is a store record of customer 1 (same phone) merged into it; customer 3
 * was once merged into 2 by mistake and the merge undone. Times are UTC; the API renders them in Asia/Shanghai.
 *
 * <pre>
 * customer 1 王小明 (天猫, owner 张伟/上海一组, 华东) with merged 4 (线下门店):
 *   o1 100.00 completed, o2 200.00 partially_refunded (50.00), o3 300.00 refunded (300.00), o4 400.00 cancelled,
 *   o5 50.00 pending, o6 80.00 completed (on customer 4, 2025-05-15T16:30Z = 2025-05-16 00:30 in Shanghai)
 *   -> 6 orders, 1 cancelled, total 730.00 over 5 purchases (average 146.00), refunds 350.00,
 *      completed 3 (o1, o2, o6), net revenue 100 + 150 + 80 = 330.00
 * customer 2 杭州云帆科技有限公司 (CRM, company, 软件, owner 林燕/华南销售部): 10000.00 + 5000.00 completed
 * customer 3 李雷 (线下门店, no phone, no email, attributes not JSON): 30.00 completed
 * customer 5 Alice Chen (官网, owner 林燕): no orders
 * </pre>
 */
final class CustomerFixture {

    private CustomerFixture() {
    }

    static void load(JdbcTemplate jdbc) {
        clear(jdbc);
        jdbc.update("INSERT INTO teams (id, code, name, parent_id) VALUES (1, 'east', '华东销售部', NULL),"
                + " (2, 'east-sh', '上海一组', 1), (3, 'south', '华南销售部', NULL)");
        jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (1, 'zhang.wei', '张伟', 2),"
                + " (2, 'lin.yan', '林燕', 3)");
        customer(jdbc, 1, "TM001", "王小明", "person", "+8613812345678", "wang@example.cn", 1L, 2L, null, "华东", "天猫",
                "2025-01-01T00:00:00Z", "{\"会员等级\":\"金卡\",\"tags\":[\"vip\"]}", null);
        customer(jdbc, 2, "CRM002", "杭州云帆科技有限公司", "company", "+8613900000002", "info@yunfan.com.cn", 2L, 3L, "软件",
                "华东", "CRM", "2025-02-01T00:00:00Z", null, null);
        customer(jdbc, 3, "POS003", "李雷", "person", null, null, null, null, null, "华北", "线下门店",
                "2025-03-01T00:00:00Z", "not json", null);
        customer(jdbc, 4, "POS004", "王小明", "person", "+8613812345678", null, null, null, null, "华东", "线下门店",
                "2025-04-01T00:00:00Z", null, 1L);
        customer(jdbc, 5, "WEB005", "Alice Chen", "person", null, "alice@example.com", 2L, 3L, null, "华南", "官网",
                "2025-05-01T00:00:00Z", null, null);

        identifier(jdbc, 1, 1, "external_id", "天猫", "TM001");
        identifier(jdbc, 1, 1, "phone", "", "+8613812345678");
        identifier(jdbc, 1, 1, "email", "", "wang@example.cn");
        identifier(jdbc, 1, 1, "shop_user_id", "天猫", "tb_001");
        identifier(jdbc, 2, 2, "external_id", "CRM", "CRM002");
        identifier(jdbc, 2, 2, "phone", "", "+8613900000002");
        identifier(jdbc, 2, 2, "email", "", "info@yunfan.com.cn");
        identifier(jdbc, 2, 2, "crm_id", "CRM", "CRM-002");
        identifier(jdbc, 3, 3, "external_id", "线下门店", "POS003");
        identifier(jdbc, 1, 4, "external_id", "线下门店", "POS004");
        identifier(jdbc, 5, 5, "external_id", "官网", "WEB005");
        identifier(jdbc, 5, 5, "email", "", "alice@example.com");

        jdbc.update("INSERT INTO identity_merges (id, survivor_id, absorbed_id, key_kind, key_value, merged_by, merged_at,"
                + " undone_by, undone_at) VALUES (1, 1, 4, 'phone', '+8613812345678', 'identity-resolution', ?, NULL,"
                + " NULL), (2, 2, 3, 'email', 'shared@example.cn', 'identity-resolution', ?, 'li.na', ?)",
                time("2025-04-01T10:00:00Z"), time("2025-03-05T00:00:00Z"), time("2025-03-07T00:00:00Z"));

        order(jdbc, 1, "天猫", "TM-1", 1L, "2025-06-01T02:00:00Z", "100.00", "0", "completed");
        order(jdbc, 2, "天猫", "TM-2", 1L, "2025-07-01T02:00:00Z", "200.00", "50.00", "partially_refunded");
        order(jdbc, 3, "天猫", "TM-3", 1L, "2025-08-01T02:00:00Z", "300.00", "300.00", "refunded");
        order(jdbc, 4, "天猫", "TM-4", 1L, "2025-09-01T02:00:00Z", "400.00", "0", "cancelled");
        order(jdbc, 5, "天猫", "TM-5", 1L, "2025-10-01T02:00:00Z", "50.00", "0", "pending");
        order(jdbc, 6, "线下门店", "POS-6", 4L, "2025-05-15T16:30:00Z", "80.00", "0", "completed");
        order(jdbc, 7, "CRM", "CRM-7", 2L, "2025-03-10T01:00:00Z", "10000.00", "0", "completed");
        order(jdbc, 8, "CRM", "CRM-8", 2L, "2025-11-10T01:00:00Z", "5000.00", "0", "completed");
        order(jdbc, 9, "线下门店", "POS-9", 3L, "2025-04-01T03:00:00Z", "30.00", "0", "completed");

        event(jdbc, 1, "天猫", "E1", 1L, "login", "2025-06-01T01:50:00Z", "{\"device\":\"iOS\"}");
        event(jdbc, 2, "天猫", "E2", 1L, "nps", "2025-10-02T00:00:00Z", "{\"score\":9}");
        event(jdbc, 3, "线下门店", "E3", 4L, "visit", "2025-05-15T16:00:00Z", null);
        event(jdbc, 4, "官网", "E4", null, "visit", "2025-05-15T16:00:00Z", null);
    }

    static void clear(JdbcTemplate jdbc) {
        CustomerData.deleteAll(jdbc);
        for (String sql : new String[] {"DELETE FROM users",
                "UPDATE teams SET parent_id = NULL", "DELETE FROM teams"}) {
            jdbc.update(sql);
        }
    }

    static void customer(JdbcTemplate jdbc, long id, String externalId, String name, String type, String phone,
                         String email, Long owner, Long team, String industry, String region, String source,
                         String created, String attributes, Long mergedInto) {
        jdbc.update("INSERT INTO customers (id, external_id, name, type, phone, email, owner_id, team_id, industry,"
                        + " region, source, created_at, updated_at, attributes, merged_into)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, externalId, name, type, phone, email, owner, team, industry, region, source, time(created),
                time(created), attributes, mergedInto);
        CustomerData.zeroFigures(jdbc, id);
    }

    static void identifier(JdbcTemplate jdbc, long customer, long origin, String kind, String namespace, String value) {
        jdbc.update("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value)"
                + " VALUES (?, ?, ?, ?, ?)", customer, origin, kind, namespace, value);
    }

    static void order(JdbcTemplate jdbc, long id, String source, String orderNo, Long customer, String at,
                      String amount, String refund, String status) {
        jdbc.update("INSERT INTO orders (id, source, order_no, customer_id, ordered_at, amount, refund_amount, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, source, orderNo, customer, time(at),
                new BigDecimal(amount), new BigDecimal(refund), status);
    }

    static void event(JdbcTemplate jdbc, long id, String source, String key, Long customer, String type, String at,
                      String properties) {
        jdbc.update("INSERT INTO events (id, source, event_key, customer_id, type, occurred_at, properties)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, source, key, customer, type, time(at), properties);
    }

    static OffsetDateTime time(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
