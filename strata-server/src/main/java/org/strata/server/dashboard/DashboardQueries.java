package org.strata.server.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.strata.server.scope.CustomerScope;
import org.strata.server.tiering.RunCountsInScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The SQL behind the dashboard. Each query joins {@code customers c} for the surviving customer and adds the
 * caller's scope condition on it. Orders of a customer absorbed by a merge count for the survivor
 * ({@code COALESCE(oc.merged_into, oc.id)}), as on the 360° page. Realised revenue is amount minus refunds of
 * completed and partially refunded orders, the definition of the customer list's {@code totalSpent}.
 */
@Repository
class DashboardQueries implements FigureSource {

    private static final String REALISED = "o.status IN ('completed', 'partially_refunded')";

    private final JdbcClient jdbc;
    private final CustomerScope scope;
    private final RunCountsInScope countsInScope;

    DashboardQueries(JdbcClient jdbc, CustomerScope scope, RunCountsInScope countsInScope) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.countsInScope = countsInScope;
    }

    record TierFigure(String tier, long customers, BigDecimal revenue) {
    }

    record Totals(long customers, long activeCustomers, BigDecimal revenue) {
    }

    record ParetoPoint(int customerPercent, double revenuePercent) {
    }

    record MatrixCell(String from, String to, long customers) {
    }

    record RunInfo(long id, LocalDate asOf, java.time.Instant startedAt, int moved) {
    }

    record TierRetention(String tier, long previousBuyers, long retained, long buyers, long repeatBuyers) {
    }

    /** Customers per tier now, and the revenue of the period per tier. */
    @Override
    public List<TierFigure> tiers(long schemeId, Period period) {
        ScopeCondition where = scope.condition("c");
        return tierFigures(tierCounts(schemeId), amountsByTier(jdbc.sql(
                        "SELECT m.tier_key, SUM(o.amount - o.refund_amount) AS revenue FROM orders o"
                        + " JOIN customers oc ON oc.id = o.customer_id"
                        + " JOIN customers c ON c.id = COALESCE(oc.merged_into, oc.id)"
                        + " JOIN tiering_memberships m ON m.scheme_id = :scheme AND m.customer_id = c.id"
                        + " WHERE " + REALISED + " AND o.ordered_at >= :start AND o.ordered_at < :end AND "
                        + where.sql() + " GROUP BY m.tier_key")
                .params(where.params()).param("scheme", schemeId)
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))));
    }

    /** One figure per tier that has customers. */
    static List<TierFigure> tierFigures(Map<String, Long> counts, Map<String, BigDecimal> revenue) {
        List<TierFigure> figures = new ArrayList<>();
        counts.forEach((tier, n) -> figures.add(new TierFigure(tier, n, revenue.getOrDefault(tier, BigDecimal.ZERO))));
        return figures;
    }

    /** Rows of (tier_key, a count), in their order. */
    static Map<String, Long> countsByTier(JdbcClient.StatementSpec query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        query.query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** Rows of (tier_key, an amount). */
    static Map<String, BigDecimal> amountsByTier(JdbcClient.StatementSpec query) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        query.query(rs -> {
            amounts.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return amounts;
    }

    /** Customers per tier now. */
    Map<String, Long> tierCounts(long schemeId) {
        ScopeCondition where = scope.condition("c");
        return countsByTier(jdbc.sql("SELECT m.tier_key, COUNT(*) AS n FROM tiering_memberships m"
                        + " JOIN customers c ON c.id = m.customer_id"
                        + " WHERE m.scheme_id = :scheme AND c.merged_into IS NULL AND " + where.sql()
                        + " GROUP BY m.tier_key")
                .params(where.params()).param("scheme", schemeId));
    }

    /** All customers, those who bought in the period, and the period's revenue. */
    @Override
    public Totals totals(Period period) {
        ScopeCondition where = scope.condition("c");
        long customers = jdbc.sql("SELECT COUNT(*) FROM customers c WHERE c.merged_into IS NULL AND " + where.sql())
                .params(where.params()).query(Long.class).single();
        Map<String, Object> row = jdbc.sql("SELECT COUNT(DISTINCT c.id) AS active, SUM(o.amount - o.refund_amount)"
                        + " AS revenue FROM orders o JOIN customers oc ON oc.id = o.customer_id"
                        + " JOIN customers c ON c.id = COALESCE(oc.merged_into, oc.id)"
                        + " WHERE " + REALISED + " AND o.ordered_at >= :start AND o.ordered_at < :end AND "
                        + where.sql())
                .params(where.params())
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .query().singleRow();
        BigDecimal revenue = (BigDecimal) row.get("revenue");
        return new Totals(customers, ((Number) row.get("active")).longValue(),
                revenue == null ? BigDecimal.ZERO : revenue);
    }

    /**
     * The Pareto curve over lifetime net revenue: customers ranked by revenue, cut into 100 equal groups, and the
     * cumulative share of revenue after each percent of customers. NTILE does the ranking in the database so a
     * million customers never travel to the server.
     */
    @Override
    public List<ParetoPoint> pareto() {
        ScopeCondition where = scope.condition("c");
        List<BigDecimal> perBucket = new ArrayList<>();
        jdbc.sql("SELECT t.bucket, SUM(t.total_spent) AS revenue FROM (SELECT f.total_spent,"
                        + " NTILE(100) OVER (ORDER BY f.total_spent DESC) AS bucket FROM customers c"
                        + " JOIN customer_figures f ON f.customer_id = c.id WHERE c.merged_into IS NULL AND " + where.sql() + ") t GROUP BY t.bucket ORDER BY t.bucket")
                .params(where.params())
                .query(rs -> {
                    perBucket.add(rs.getBigDecimal("revenue"));
                });
        return paretoPoints(perBucket);
    }

    /** The curve from the revenue of each group of customers, the richest group first. */
    static List<ParetoPoint> paretoPoints(List<BigDecimal> perBucket) {
        BigDecimal total = perBucket.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ParetoPoint> points = new ArrayList<>();
        points.add(new ParetoPoint(0, 0));
        BigDecimal running = BigDecimal.ZERO;
        int buckets = perBucket.size();
        for (int i = 0; i < buckets; i++) {
            running = running.add(perBucket.get(i));
            double share = total.signum() == 0 ? 0 : running.doubleValue() * 100 / total.doubleValue();
            // Fewer than 100 customers give fewer groups; spread them over 0..100 % of customers all the same.
            points.add(new ParetoPoint((int) Math.round((i + 1) * 100.0 / buckets), Math.round(share * 10) / 10.0));
        }
        return points;
    }

    /** Succeeded runs of a scheme, newest first; "moved" over the caller's customers when their scope is narrowed. */
    @Override
    public List<RunInfo> runs(long schemeId, int limit) {
        List<RunInfo> stored = jdbc.sql("SELECT id, as_of, started_at, moved FROM tiering_runs"
                        + " WHERE scheme_id = :scheme"
                        + " AND status = 'succeeded' ORDER BY id DESC LIMIT :limit")
                .param("scheme", schemeId).param("limit", limit)
                .query((rs, n) -> new RunInfo(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                        rs.getTimestamp("started_at").toInstant(), rs.getInt("moved")))
                .list();
        // only "moved" is shown, so whether a run evaluated everyone does not matter here
        return countsInScope.forCaller(stored, run -> new RunCountsInScope.RunKey(run.id(), false, run.startedAt()),
                (run, counts) -> new RunInfo(run.id(), run.asOf(), run.startedAt(), counts.moved()));
    }

    /**
     * Customers by the tier they were in after run {@code sinceRunId} (null: not placed yet) and the tier they are in
     * now. The ledger's ids are its time order, so "after that run" is the last entry or pin with an id no greater
     * than the run's last ledger row. Only customers with a ledger row after that can have moved; everyone else is
     * still where they were, so the query looks up the earlier tier for the movers alone and the diagonal is the
     * rest of each tier. That keeps the work proportional to the moves, not to a million customers.
     */
    @Override
    public List<MatrixCell> migration(long schemeId, Long sinceRunId) {
        ScopeCondition where = scope.condition("c");
        Map<String, Long> now = tierCounts(schemeId);
        if (sinceRunId == null) {
            List<MatrixCell> cells = new ArrayList<>();
            now.forEach((tier, n) -> cells.add(new MatrixCell(null, tier, n)));
            return cells;
        }
        long bound = LedgerBounds.of(jdbc, schemeId, sinceRunId);
        List<MatrixCell> moves = jdbc.sql("""
                        SELECT x.from_tier, x.to_tier, COUNT(*) AS n FROM (
                            SELECT m.tier_key AS to_tier,
                                   (SELECT p.tier_key FROM tiering_ledger p
                                    WHERE p.scheme_id = :scheme AND p.customer_id = m.customer_id
                                      AND p.event IN ('entered', 'pinned') AND p.id <= :bound
                                    ORDER BY p.id DESC LIMIT 1) AS from_tier
                            FROM tiering_memberships m JOIN customers c ON c.id = m.customer_id
                            WHERE m.scheme_id = :scheme AND c.merged_into IS NULL AND %s
                              AND m.customer_id IN (SELECT l.customer_id FROM tiering_ledger l
                                                    WHERE l.id > :bound AND l.scheme_id = :scheme
                                                      AND l.event IN ('entered', 'pinned'))) x
                        GROUP BY x.from_tier, x.to_tier""".formatted(where.sql()))
                .params(where.params()).param("scheme", schemeId).param("bound", bound)
                .query((rs, n) -> new MatrixCell(rs.getString("from_tier"), rs.getString("to_tier"), rs.getLong("n")))
                .list();
        Map<String, Long> stayed = new LinkedHashMap<>(now);
        moves.forEach(move -> stayed.merge(move.to(), -move.customers(), Long::sum));
        // A customer who left a tier and came back since is both a "move" and on the diagonal: add them up.
        List<MatrixCell> cells = new ArrayList<>(moves);
        stayed.forEach((tier, n) -> cells.add(new MatrixCell(tier, tier, n)));
        return positiveCells(cells);
    }

    /** Cells with the same from and to tier added up; empty cells left out. */
    static List<MatrixCell> positiveCells(List<MatrixCell> parts) {
        Map<List<String>, Long> cells = new LinkedHashMap<>();
        parts.forEach(m -> cells.merge(java.util.Arrays.asList(m.from(), m.to()), m.customers(), Long::sum));
        List<MatrixCell> result = new ArrayList<>();
        cells.forEach((key, n) -> {
            if (n > 0) {
                result.add(new MatrixCell(key.get(0), key.get(1), n));
            }
        });
        return result;
    }

    /** The as-of days of the scheme's succeeded runs, oldest first: company-wide facts, the same in every scope. */
    public List<LocalDate> runDays(long schemeId) {
        return jdbc.sql("SELECT DISTINCT as_of FROM tiering_runs WHERE scheme_id = :scheme AND status = 'succeeded'"
                        + " ORDER BY as_of")
                .param("scheme", schemeId).query(LocalDate.class).list();
    }

    /**
     * Tier sizes after each run, by the run's as-of day: entries minus exits accumulated in run order. Pins move
     * customers outside runs and are counted from the next run on.
     */
    @Override
    public Map<LocalDate, Map<String, Long>> history(long schemeId) {
        ScopeCondition where = scope.condition("c");
        TreeMap<LocalDate, Map<String, Long>> changes = new TreeMap<>();
        jdbc.sql("SELECT r.as_of, l.tier_key, l.event, COUNT(*) AS n FROM tiering_ledger l"
                        + " JOIN tiering_runs r ON r.id = l.run_id JOIN customers c ON c.id = l.customer_id"
                        + " WHERE l.scheme_id = :scheme AND l.event IN ('entered', 'left') AND " + where.sql()
                        + " GROUP BY r.as_of, l.tier_key, l.event")
                .params(where.params()).param("scheme", schemeId)
                .query(rs -> {
                    long delta = "entered".equals(rs.getString("event")) ? rs.getLong("n") : -rs.getLong("n");
                    changes.computeIfAbsent(rs.getObject("as_of", LocalDate.class), d -> new HashMap<>())
                            .merge(rs.getString("tier_key"), delta, Long::sum);
                });
        return runningSizes(changes);
    }

    /** Tier sizes after each day from the entries minus exits of each day. */
    static Map<LocalDate, Map<String, Long>> runningSizes(TreeMap<LocalDate, Map<String, Long>> changes) {
        Map<LocalDate, Map<String, Long>> sizes = new LinkedHashMap<>();
        Map<String, Long> running = new HashMap<>();
        changes.forEach((day, delta) -> {
            delta.forEach((tier, n) -> running.merge(tier, n, Long::sum));
            sizes.put(day, Map.copyOf(running));
        });
        return sizes;
    }

    /**
     * Per current tier: customers who bought in the previous period and again in this one (retention), and
     * customers who bought more than once in this period (repurchase).
     */
    @Override
    public List<TierRetention> retention(long schemeId, Period period) {
        ScopeCondition where = scope.condition("c");
        return jdbc.sql("""
                        SELECT m.tier_key,
                               SUM(CASE WHEN a.previous_orders > 0 THEN 1 ELSE 0 END) AS previous_buyers,
                               SUM(CASE WHEN a.previous_orders > 0 AND a.current_orders > 0 THEN 1 ELSE 0 END)
                                   AS retained,
                               SUM(CASE WHEN a.current_orders > 0 THEN 1 ELSE 0 END) AS buyers,
                               SUM(CASE WHEN a.current_orders > 1 THEN 1 ELSE 0 END) AS repeat_buyers
                        FROM (SELECT COALESCE(oc.merged_into, oc.id) AS customer_id,
                                     SUM(CASE WHEN o.ordered_at < :start THEN 1 ELSE 0 END) AS previous_orders,
                                     SUM(CASE WHEN o.ordered_at >= :start THEN 1 ELSE 0 END) AS current_orders
                              FROM orders o JOIN customers oc ON oc.id = o.customer_id
                              WHERE %s AND o.ordered_at >= :previousStart AND o.ordered_at < :end
                              GROUP BY COALESCE(oc.merged_into, oc.id)) a
                        JOIN customers c ON c.id = a.customer_id
                        JOIN tiering_memberships m ON m.scheme_id = :scheme AND m.customer_id = c.id
                        WHERE %s
                        GROUP BY m.tier_key""".formatted(REALISED, where.sql()))
                .params(where.params()).param("scheme", schemeId)
                .param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
                .param("previousStart", Timestamp.from(period.previousStart()))
                .query((rs, n) -> new TierRetention(rs.getString("tier_key"), rs.getLong("previous_buyers"),
                        rs.getLong("retained"), rs.getLong("buyers"), rs.getLong("repeat_buyers")))
                .list();
    }
}
