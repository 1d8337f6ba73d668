package org.strata.server.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.SqlDialect;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the order figures of every customer (table customer_figures: order_count, total_spent, first_order_at,
 * last_order_at; defined in V12__customer_figures.sql) in line with the orders. Every customer has a row from its
 * creation ({@link #startAtZero}); call {@link #refresh(Collection)} with the customers an import batch, a merge or an
 * unmerge touched, {@link #refreshAll()} after a large change, or {@link #refreshAllInBulk()} inside a bulk load.
 */
@Component
public class CustomerStatsRefresher {

    private static final int CHUNK = 1000;
    /** The statuses of the orders the figures count. */
    private static final List<String> REALISED_STATUSES = List.of("completed", "partially_refunded");
    private static final String REALISED = "('" + String.join("', '", REALISED_STATUSES) + "')";

    /** The columns of customer_figures a bulk load copies, in the order of {@link #figureRow}'s values. */
    private static final List<String> FIGURE_COLUMNS = List.of("customer_id BIGINT", "order_count INTEGER",
            "total_spent NUMERIC(18, 2)", "first_order_at TIMESTAMP WITH TIME ZONE",
            "last_order_at TIMESTAMP WITH TIME ZONE");

    /** Rows of figures per COPY; the ids of all customers are read first (8 bytes each). */
    private static final int COPY_CHUNK = 50_000;

    /** Every customer's figures from its own orders, in one hash aggregate over all orders. */
    private static final String OWN_ORDERS = """
            SELECT o.customer_id, COUNT(*) AS n, SUM(o.amount - o.refund_amount) AS spent,
                   MIN(o.ordered_at) AS first_at, MAX(o.ordered_at) AS last_at
            FROM orders o WHERE o.status IN %s GROUP BY o.customer_id""".formatted(REALISED);

    private static final String POSTGRES_FIGURES = """
            SELECT k.id, COALESCE(a.n, 0) AS n, COALESCE(a.spent, 0) AS spent, a.first_at, a.last_at
            FROM customers k LEFT JOIN (%s) a ON a.customer_id = k.id
            WHERE k.merged_into IS NULL""".formatted(OWN_ORDERS);

    /** PostgreSQL rewrites only the rows whose figures changed. */
    private static final String POSTGRES_REFRESH_ALL = """
            UPDATE customer_figures f SET order_count = s.n, total_spent = s.spent,
                   first_order_at = s.first_at, last_order_at = s.last_at
            FROM (%s) s
            WHERE f.customer_id = s.id AND (f.order_count <> s.n OR f.total_spent <> s.spent
                  OR f.first_order_at IS DISTINCT FROM s.first_at OR f.last_order_at IS DISTINCT FROM s.last_at)"""
            .formatted(POSTGRES_FIGURES);

    /**
     * A bulk load writes the whole table afresh: survivors from the aggregate, absorbed customers with zeros. The
     * customers are the probe side of the hash join, so the rows arrive about in id order and the primary key grows
     * at its right end.
     */
    private static final String POSTGRES_WRITE_ALL = """
            INSERT INTO customer_figures (customer_id, order_count, total_spent, first_order_at, last_order_at)
            SELECT k.id, COALESCE(a.n, 0), COALESCE(a.spent, 0), a.first_at, a.last_at
            FROM customers k LEFT JOIN (%s) a
                ON a.customer_id = k.id AND k.merged_into IS NULL""".formatted(OWN_ORDERS);

    /**
     * H2 evaluates a grouped derived table once per joined row (quadratic); a correlated sub-query per customer
     * goes through the orders (customer_id, ordered_at) index instead.
     */
    private static final String PORTABLE_REFRESH_ALL = """
            UPDATE customer_figures f SET (order_count, total_spent, first_order_at, last_order_at) =
                (SELECT COUNT(*), COALESCE(SUM(o.amount - o.refund_amount), 0), MIN(o.ordered_at), MAX(o.ordered_at)
                 FROM orders o WHERE o.customer_id = f.customer_id AND o.status IN %s)
            WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = f.customer_id AND c.merged_into IS NULL)"""
            .formatted(REALISED);

    /** Rows for customers that have none (written before V12's rule, or by hand); cheap when there are none. */
    private static final String ADD_MISSING = """
            INSERT INTO customer_figures (customer_id)
            SELECT c.id FROM customers c
            WHERE NOT EXISTS (SELECT 1 FROM customer_figures f WHERE f.customer_id = c.id)""";

    private static final String RESET_ABSORBED = """
            UPDATE customer_figures SET order_count = 0, total_spent = 0, first_order_at = NULL, last_order_at = NULL
            WHERE customer_id IN (SELECT c.id FROM customers c WHERE c.merged_into IS NOT NULL)
              AND (order_count <> 0 OR total_spent <> 0 OR last_order_at IS NOT NULL)""";

    private static final String UPDATE_ONE = "UPDATE customer_figures SET order_count = ?, total_spent = ?,"
            + " first_order_at = ?, last_order_at = ? WHERE customer_id = ?";
    private static final String INSERT_ONE = "INSERT INTO customer_figures (order_count, total_spent,"
            + " first_order_at, last_order_at, customer_id) VALUES (?, ?, ?, ?, ?)";

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
        write(updates);
    }

    /**
     * Gives new customers their row of figures, all zero: every customer has one (see V12), and a new customer has
     * no orders yet (orders waiting for it are linked and counted afterwards, by {@link #refresh}).
     */
    public void startAtZero(Collection<Long> newCustomerIds) {
        template.batchUpdate("INSERT INTO customer_figures (customer_id) VALUES (?)",
                newCustomerIds.stream().map(id -> new Object[] {id}).toList());
    }

    /** {@link #startAtZero(Collection)} for the customer ids a query selects, set-based (bulk loads). */
    public void startAtZeroSelected(String newCustomerIdsQuery) {
        template.update("INSERT INTO customer_figures (customer_id) " + newCustomerIdsQuery);
    }

    /** Updates the rows by customer id, and inserts those that do not exist yet. */
    private void write(List<Object[]> rows) {
        int[] updated = template.batchUpdate(UPDATE_ONE, rows);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            template.batchUpdate(INSERT_ONE, missing);
        }
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
        return List.of("customer_figures");
    }

    /**
     * Writes every customer's figures afresh inside a bulk load of orders (PostgreSQL), whose transaction has
     * suspended the secondary indexes of {@link #bulkRefreshTables()}: the table is emptied and filled with one
     * INSERT .. SELECT from the aggregate of all orders, so a million rows cost a million narrow inserts (no old row
     * versions to compare, mark dead and vacuum later) and the sort indexes are built once afterwards.
     * <p>
     * TRUNCATE, unlike DELETE, is not MVCC-safe: a transaction whose snapshot was taken before the load commits and
     * that reads the table only afterwards sees it empty. Strata's readers run in READ COMMITTED, where every
     * statement takes a new snapshot (and waits for the load's lock), so they see the old or the new figures.
     */
    public void refreshAllInBulk(BulkSteps steps) {
        template.execute("SET LOCAL work_mem = '64MB'");
        steps.run("empty customer_figures", () -> template.execute("TRUNCATE customer_figures"));
        steps.rows("write every customer's figures", () -> template.update(POSTGRES_WRITE_ALL));
        steps.run("recompute the survivors of merges", this::refreshSurvivorsOfMerges);
    }

    /** Whether an order with this status counts towards its customer's figures. */
    static boolean counts(String status) {
        return REALISED_STATUSES.contains(status);
    }

    /**
     * As {@link #refreshAllInBulk}, with the figures of every customer's own orders summed up already by whoever
     * wrote the orders ({@code sums} must cover every stored order): the table is emptied and every customer's row
     * copied in, the sums for customers not merged into another, zeros for absorbed ones; then the survivors of merges
     * are recomputed from their members' orders, as there.
     */
    public void writeAllInBulk(OrderFigureSums sums, SqlDialect dialect, BulkSteps steps) {
        steps.run("empty customer_figures", () -> template.execute("TRUNCATE customer_figures"));
        List<long[]> chunks = new ArrayList<>();
        BitSet absorbed = new BitSet();
        long[] count = {0};
        steps.run("read every customer's id", () -> template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, merged_into IS NOT NULL FROM customers");
            statement.setFetchSize(COPY_CHUNK);
            return statement;
        }, (RowCallbackHandler) rs -> {
            int at = (int) (count[0] % COPY_CHUNK);
            if (at == 0) {
                chunks.add(new long[COPY_CHUNK]);
            }
            chunks.get(chunks.size() - 1)[at] = rs.getLong(1);
            if (rs.getBoolean(2)) {
                absorbed.set((int) count[0]);
            }
            count[0]++;
        }));
        steps.rows("write every customer's figures", () -> {
            for (int c = 0; c < chunks.size(); c++) {
                long[] ids = chunks.get(c);
                int first = c * COPY_CHUNK;
                int n = (int) Math.min(COPY_CHUNK, count[0] - first);
                dialect.appendRowsToTruncated(template, "customer_figures", FIGURE_COLUMNS, new RowsOnDemand(n,
                        i -> figureRow(ids[i], absorbed.get(first + i) ? OrderFigureSums.Figures.NONE
                                : sums.of(ids[i]))));
            }
            return count[0];
        });
        steps.run("recompute the survivors of merges", this::refreshSurvivorsOfMerges);
    }

    private static Object[] figureRow(long customer, OrderFigureSums.Figures figures) {
        return new Object[] {customer, figures.count(), figures.spent(), figures.first(), figures.last()};
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
        template.update(ADD_MISSING);
        template.update(postgres ? POSTGRES_REFRESH_ALL : PORTABLE_REFRESH_ALL);
        template.update(RESET_ABSORBED);
        refreshSurvivorsOfMerges();
    }

    private void refreshSurvivorsOfMerges() {
        List<Long> absorbing = jdbc.sql("SELECT DISTINCT merged_into FROM customers WHERE merged_into IS NOT NULL")
                .query(Long.class).list();
        if (!absorbing.isEmpty()) {
            refresh(absorbing);
        }
    }
}
