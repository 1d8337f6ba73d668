package org.strata.server.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import static org.strata.server.customer.CustomerListRepository.nullableLong;

/** Reads the parts of the customer 360° record. Order and event queries take the ids of a survivor and its merged. */
@Repository
public class CustomerDetailRepository {

    private final JdbcClient jdbc;
    private final DisplayTime time;
    private final JsonText json;

    public CustomerDetailRepository(JdbcClient jdbc, DisplayTime time, JsonText json) {
        this.jdbc = jdbc;
        this.time = time;
        this.json = json;
    }

    /** The customer's own row as the 360 shows it; the lists (identifiers, orders ...) are filled in later. */
    public Optional<CustomerDetail> customer(long id) {
        return jdbc.sql("""
                        SELECT c.*, u.username, u.display_name, t.code AS team_code, t.name AS team_name
                        FROM customers c LEFT JOIN users u ON u.id = c.owner_id LEFT JOIN teams t ON t.id = c.team_id
                        WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Long ownerId = nullableLong(rs, "owner_id");
                    Long teamId = nullableLong(rs, "team_id");
                    return new CustomerDetail(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
                            rs.getString("type"), rs.getString("phone"), rs.getString("email"),
                            ownerId == null ? null : new CustomerDetail.Owner(ownerId, rs.getString("username"),
                                    rs.getString("display_name")),
                            teamId == null ? null : new CustomerDetail.Team(teamId, rs.getString("team_code"),
                                    rs.getString("team_name")),
                            rs.getString("industry"), rs.getString("region"), rs.getString("source"),
                            time.read(rs, "created_at"), time.read(rs, "updated_at"),
                            json.parse(rs.getString("attributes")), null, null, null, null, null, null);
                })
                .optional();
    }

    public List<CustomerDetail.Identifier> identifiers(List<Long> members) {
        return jdbc.sql("""
                        SELECT kind, namespace, id_value, origin_customer_id FROM customer_identifiers
                        WHERE customer_id IN (:members) ORDER BY kind, namespace, id_value""")
                .param("members", members)
                .query((rs, n) -> new CustomerDetail.Identifier(rs.getString("kind"), rs.getString("namespace"),
                        rs.getString("id_value"), rs.getLong("origin_customer_id")))
                .list();
    }

    /** See {@link CustomerDetail.OrderSummary} for the definitions; one aggregate over the customer's orders. */
    public CustomerDetail.OrderSummary orderSummary(List<Long> members) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS order_count,
                               SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                               MIN(CASE WHEN status <> 'cancelled' THEN ordered_at END) AS first_at,
                               MAX(CASE WHEN status <> 'cancelled' THEN ordered_at END) AS last_at,
                               SUM(CASE WHEN status <> 'cancelled' THEN amount ELSE 0 END) AS total,
                               SUM(CASE WHEN status <> 'cancelled' THEN refund_amount ELSE 0 END) AS refunds,
                               SUM(CASE WHEN status IN ('completed', 'partially_refunded') THEN 1 ELSE 0 END) AS done,
                               SUM(CASE WHEN status IN ('completed', 'partially_refunded')
                                        THEN amount - refund_amount ELSE 0 END) AS net
                        FROM orders WHERE customer_id IN (:members)""")
                .param("members", members)
                .query((rs, n) -> {
                    int orders = rs.getInt("order_count");
                    int cancelled = rs.getInt("cancelled");
                    BigDecimal total = money(rs.getBigDecimal("total"));
                    int purchases = orders - cancelled;
                    BigDecimal average = purchases == 0 ? null
                            : total.divide(BigDecimal.valueOf(purchases), 2, RoundingMode.HALF_UP);
                    return new CustomerDetail.OrderSummary(orders, cancelled, time.read(rs, "first_at"),
                            time.read(rs, "last_at"), total, average, money(rs.getBigDecimal("refunds")),
                            rs.getInt("done"), money(rs.getBigDecimal("net")));
                })
                .single();
    }

    public List<CustomerDetail.Order> recentOrders(List<Long> members, int limit) {
        return jdbc.sql("""
                        SELECT id, source, order_no, ordered_at, amount, refund_amount, currency, channel, status,
                               customer_id
                        FROM orders WHERE customer_id IN (:members) ORDER BY ordered_at DESC, id DESC LIMIT :limit""")
                .param("members", members)
                .param("limit", limit)
                .query((rs, n) -> new CustomerDetail.Order(rs.getLong("id"), rs.getString("source"),
                        rs.getString("order_no"), time.read(rs, "ordered_at"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("refund_amount"), rs.getString("currency"), rs.getString("channel"),
                        rs.getString("status"), rs.getLong("customer_id")))
                .list();
    }

    /** Orders and events together, newest first; ties broken by kind and id so that pages never overlap. */
    public TimelinePage timeline(List<Long> members, int page, int size) {
        List<TimelineEntry> rows = jdbc.sql("""
                        SELECT kind, id, at, type, source, reference, amount, properties FROM (
                            SELECT CAST('order' AS VARCHAR(5)) AS kind, o.id, o.ordered_at AS at, o.status AS type,
                                   o.source, o.order_no AS reference, o.amount,
                                   CAST(NULL AS VARCHAR(100000)) AS properties
                            FROM orders o WHERE o.customer_id IN (:members)
                            UNION ALL
                            SELECT CAST('event' AS VARCHAR(5)), e.id, e.occurred_at, e.type, e.source, e.event_key,
                                   CAST(NULL AS NUMERIC(18, 2)), e.properties
                            FROM events e WHERE e.customer_id IN (:members)
                        ) t ORDER BY at DESC, kind DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("members", members)
                .param("limit", size + 1)
                .param("offset", (long) page * size)
                .query((rs, n) -> new TimelineEntry(rs.getString("kind"), rs.getLong("id"), time.read(rs, "at"),
                        rs.getString("type"), rs.getString("source"), rs.getString("reference"),
                        rs.getBigDecimal("amount"), json.parse(rs.getString("properties"))))
                .list();
        boolean hasNext = rows.size() > size;
        return new TimelinePage(hasNext ? List.copyOf(rows.subList(0, size)) : rows, page, size, hasNext);
    }

    public List<CustomerDetail.Merge> merges(List<Long> members) {
        return jdbc.sql("""
                        SELECT * FROM identity_merges
                        WHERE survivor_id IN (:members) OR absorbed_id IN (:members)
                        ORDER BY merged_at DESC, id DESC""")
                .param("members", members)
                .query((rs, n) -> new CustomerDetail.Merge(rs.getLong("id"), rs.getLong("survivor_id"),
                        rs.getLong("absorbed_id"), rs.getString("key_kind"), rs.getString("key_value"),
                        rs.getString("merged_by"), time.read(rs, "merged_at"), rs.getString("undone_by"),
                        time.read(rs, "undone_at")))
                .list();
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }
}
