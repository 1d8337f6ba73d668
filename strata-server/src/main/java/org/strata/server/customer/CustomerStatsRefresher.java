package org.strata.server.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the order statistics on the customer row (order_count, total_spent, first_order_at, last_order_at; defined
 * in V10__customer_stats.sql) in line with the orders. Call {@link #refresh(Collection)} with the customers an import
 * batch, a merge or an unmerge touched, or {@link #refreshAll()} after a bulk load.
 */
@Component
public class CustomerStatsRefresher {

    private static final int CHUNK = 1000;
    private static final String REALISED = "('completed', 'partially_refunded')";

    /** PostgreSQL aggregates all orders in one hash aggregate and rewrites only rows whose figures changed. */
    private static final String POSTGRES_REFRESH_ALL = """
            MERGE INTO customers c
            USING (SELECT k.id, COALESCE(a.n, 0) AS n, COALESCE(a.spent, 0) AS spent, a.first_at, a.last_at
                   FROM customers k LEFT JOIN (
                       SELECT o.customer_id, COUNT(*) AS n, SUM(o.amount - o.refund_amount) AS spent,
                              MIN(o.ordered_at) AS first_at, MAX(o.ordered_at) AS last_at
                       FROM orders o WHERE o.status IN %s GROUP BY o.customer_id) a ON a.customer_id = k.id
                   WHERE k.merged_into IS NULL) s
            ON c.id = s.id
            WHEN MATCHED AND (c.order_count <> s.n OR c.total_spent <> s.spent
                              OR c.first_order_at IS DISTINCT FROM s.first_at
                              OR c.last_order_at IS DISTINCT FROM s.last_at)
            THEN UPDATE SET order_count = s.n, total_spent = s.spent,
                            first_order_at = s.first_at, last_order_at = s.last_at""".formatted(REALISED);

    /**
     * H2 evaluates a grouped derived table once per joined row (quadratic); a correlated sub-query per customer
     * goes through the orders (customer_id, ordered_at) index instead.
     */
    private static final String PORTABLE_REFRESH_ALL = """
            UPDATE customers c SET (order_count, total_spent, first_order_at, last_order_at) =
                (SELECT COUNT(*), COALESCE(SUM(o.amount - o.refund_amount), 0), MIN(o.ordered_at), MAX(o.ordered_at)
                 FROM orders o WHERE o.customer_id = c.id AND o.status IN %s)
            WHERE c.merged_into IS NULL""".formatted(REALISED);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final MergedCustomers merged;

    public CustomerStatsRefresher(JdbcClient jdbc, JdbcTemplate template, MergedCustomers merged) {
        this.jdbc = jdbc;
        this.template = template;
        this.merged = merged;
    }

    /**
     * Recomputes the statistics of the given customers. An absorbed customer's figures count towards its survivor,
     * so the survivor is recomputed too and the absorbed one is reset to zero. Unknown ids are ignored.
     */
    @Transactional
    public void refresh(Collection<Long> customerIds) {
        Set<Long> survivors = new LinkedHashSet<>();
        List<Long> absorbed = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(customerIds)) {
            Optional<Long> survivor = merged.survivorOf(id);
            survivor.ifPresent(survivors::add);
            if (survivor.isPresent() && !survivor.get().equals(id)) {
                absorbed.add(id);
            }
        }
        Map<Long, Long> survivorOf = new HashMap<>();
        Map<Long, Stats> stats = new HashMap<>();
        merged.membersOf(survivors).forEach((survivor, members) -> {
            members.forEach(member -> survivorOf.put(member, survivor));
            stats.put(survivor, Stats.NONE);
        });
        List<Long> members = List.copyOf(survivorOf.keySet());
        for (int from = 0; from < members.size(); from += CHUNK) {
            jdbc.sql("SELECT customer_id, COUNT(*) AS n, SUM(amount - refund_amount) AS spent,"
                            + " MIN(ordered_at) AS first_at, MAX(ordered_at) AS last_at FROM orders"
                            + " WHERE customer_id IN (:ids) AND status IN " + REALISED + " GROUP BY customer_id")
                    .param("ids", members.subList(from, Math.min(members.size(), from + CHUNK)))
                    .query((rs, n) -> stats.merge(survivorOf.get(rs.getLong("customer_id")),
                            new Stats(rs.getInt("n"), rs.getBigDecimal("spent"),
                                    rs.getObject("first_at", OffsetDateTime.class),
                                    rs.getObject("last_at", OffsetDateTime.class)), Stats::plus))
                    .list();
        }
        List<Object[]> updates = new ArrayList<>();
        stats.forEach((survivor, s) -> updates.add(new Object[] {s.count(), s.spent(), timestamp(s.first()),
                timestamp(s.last()), survivor}));
        for (Long id : absorbed) {
            updates.add(new Object[] {0, BigDecimal.ZERO, null, null, id});
        }
        template.batchUpdate("UPDATE customers SET order_count = ?, total_spent = ?, first_order_at = ?,"
                + " last_order_at = ? WHERE id = ?", updates);
    }

    /** The statistics of one customer, added up over the customers merged into it. */
    private record Stats(int count, BigDecimal spent, OffsetDateTime first, OffsetDateTime last) {

        static final Stats NONE = new Stats(0, BigDecimal.ZERO, null, null);

        Stats plus(Stats other) {
            return new Stats(count + other.count, spent.add(other.spent), earlier(first, other.first),
                    later(last, other.last));
        }

        private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        }

        private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }

    private boolean onPostgres() {
        Boolean postgres = template.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgresql"));
        return Boolean.TRUE.equals(postgres);
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    /** The tables {@link #refreshAllInBulk} rewrites, whose indexes a bulk load suspends around it. */
    public List<String> bulkRefreshTables() {
        return List.of("customers");
    }

    /**
     * Recomputes every customer's statistics inside a bulk load of orders (PostgreSQL), whose transaction has
     * suspended the indexes of {@link #bulkRefreshTables()}: rewriting a million customer rows then costs the rows
     * alone, and the indexes are built once afterwards.
     */
    public void refreshAllInBulk() {
        refreshAll();
    }

    /**
     * Recomputes every customer's statistics with one set-based statement (fast on a million customers) that writes
     * only the rows whose figures changed; then the survivors of merges, whose figures include their absorbed
     * customers' orders, are recomputed one by one (they are few).
     */
    @Transactional
    public void refreshAll() {
        boolean postgres = onPostgres();
        if (postgres) {
            // With the default 4 MB the hash of a million customers and the aggregate of their orders spill to disk
            // in dozens of batches, and the planner prefers reading all orders through an index; this transaction
            // only.
            template.execute("SET LOCAL work_mem = '64MB'");
        }
        template.update(postgres ? POSTGRES_REFRESH_ALL : PORTABLE_REFRESH_ALL);
        template.update("UPDATE customers SET order_count = 0, total_spent = 0, first_order_at = NULL,"
                + " last_order_at = NULL WHERE merged_into IS NOT NULL AND (order_count <> 0 OR total_spent <> 0"
                + " OR last_order_at IS NOT NULL)");
        List<Long> absorbing = jdbc.sql("SELECT DISTINCT merged_into FROM customers WHERE merged_into IS NOT NULL")
                .query(Long.class).list();
        if (!absorbing.isEmpty()) {
            refresh(absorbing);
        }
    }
}
