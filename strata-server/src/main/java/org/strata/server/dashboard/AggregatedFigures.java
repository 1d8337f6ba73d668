package org.strata.server.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.strata.server.dashboard.DashboardQueries.MatrixCell;
import org.strata.server.dashboard.DashboardQueries.ParetoPoint;
import org.strata.server.dashboard.DashboardQueries.RunInfo;
import org.strata.server.dashboard.DashboardQueries.TierFigure;
import org.strata.server.dashboard.DashboardQueries.TierRetention;
import org.strata.server.dashboard.DashboardQueries.Totals;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The dashboard's figures summed from the pre-aggregated rows that {@link DashboardFigures} keeps (V50). The rows
 * carry owner_id and team_id, so the caller's scope condition applies to them as it would to the customers; a scope
 * that reads other columns of the customer cannot use them (see {@link CustomerScope#readsOwnerAndTeamOnly()}).
 *
 * <p>Order months turn distinct-customer counts into sums: a customer bought in months A..B exactly when one of its
 * order months m lies in A..B with the customer's previous order month before A, and that month is unique. With the
 * previous period P..A-1, "bought in both" is such an m whose previous month lies in P..A-1, and "more than one order
 * in A..B" is such an m with several orders or a next order month up to B. A tier appears when some of its customers
 * bought in P..B, as in the direct query.
 */
@Repository
class AggregatedFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final CustomerScope scope;
    private final DashboardQueries direct;

    AggregatedFigures(JdbcClient jdbc, CustomerScope scope, DashboardQueries direct) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.direct = direct;
    }

    @Override
    public List<TierFigure> tiers(long schemeId, Period period) {
        ScopeCondition where = scope.condition("a");
        return DashboardQueries.tierFigures(tierCounts(schemeId), DashboardQueries.amountsByTier(jdbc.sql(
                        "SELECT a.tier_key, SUM(a.revenue) AS revenue FROM dashboard_activity a"
                        + " WHERE a.scheme_id = :scheme AND a.month_no BETWEEN :from AND :to AND " + where.sql()
                        + " GROUP BY a.tier_key")
                .params(where.params()).param("scheme", schemeId)
                .param("from", period.fromMonth()).param("to", period.toMonth())));
    }

    private Map<String, Long> tierCounts(long schemeId) {
        ScopeCondition where = scope.condition("a");
        return DashboardQueries.countsByTier(jdbc.sql("SELECT a.tier_key, SUM(a.customers) AS n"
                        + " FROM dashboard_activity a WHERE a.scheme_id = :scheme AND a.month_no IS NULL AND "
                        + where.sql() + " GROUP BY a.tier_key HAVING SUM(a.customers) <> 0")
                .params(where.params()).param("scheme", schemeId));
    }

    @Override
    public Totals totals(Period period) {
        ScopeCondition where = scope.condition("a");
        Map<String, Object> row = jdbc.sql("""
                        SELECT SUM(CASE WHEN a.month_no IS NULL THEN a.customers ELSE 0 END) AS customers,
                               SUM(CASE WHEN a.month_no IS NOT NULL AND (a.previous_month IS NULL
                                             OR a.previous_month < :from) THEN a.customers ELSE 0 END) AS active,
                               SUM(a.revenue) AS revenue
                        FROM dashboard_activity a
                        WHERE a.scheme_id = 0 AND (a.month_no IS NULL OR a.month_no BETWEEN :from AND :to) AND %s"""
                        .formatted(where.sql()))
                .params(where.params()).param("from", period.fromMonth()).param("to", period.toMonth())
                .query().singleRow();
        BigDecimal revenue = (BigDecimal) row.get("revenue");
        return new Totals(number(row.get("customers")), number(row.get("active")),
                revenue == null ? BigDecimal.ZERO : revenue);
    }

    /**
     * NTILE(100) over the customers ranked by lifetime revenue, from the histogram of spend bands: the sum of the
     * richest k customers is whole bands plus the richest few of the band where k falls, read one by one.
     */
    @Override
    public List<ParetoPoint> pareto() {
        ScopeCondition where = scope.condition("a");
        record Band(int band, long customers, BigDecimal revenue) {
        }
        List<Band> bands = jdbc.sql("SELECT a.spend_band, SUM(a.customers) AS n, SUM(a.revenue) AS revenue"
                        + " FROM dashboard_spend a WHERE " + where.sql()
                        + " GROUP BY a.spend_band HAVING SUM(a.customers) <> 0 ORDER BY a.spend_band DESC")
                .params(where.params())
                .query((rs, n) -> new Band(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3))).list();
        long total = bands.stream().mapToLong(Band::customers).sum();
        int buckets = (int) Math.min(total, 100);
        // where each group ends: after the richest inBand customers of band number index
        record Cut(int index, long inBand) {
        }
        List<Cut> cuts = new ArrayList<>();
        int band = 0;
        long customersBeforeBand = 0;
        for (int bucket = 1; bucket <= buckets; bucket++) {
            // NTILE: the first (total mod 100) groups hold one customer more
            long rank = bucket * (total / buckets) + Math.min(bucket, total % buckets);
            while (customersBeforeBand + bands.get(band).customers() < rank) {
                customersBeforeBand += bands.get(band).customers();
                band++;
            }
            cuts.add(new Cut(band, rank - customersBeforeBand));
        }
        Map<Integer, List<BigDecimal>> cutBands = valuesOf(cuts.stream()
                .filter(c -> c.inBand() < bands.get(c.index()).customers())
                .map(c -> bands.get(c.index()).band()).distinct().toList());
        // a rebuild that started between the two reads emptied the values: the base tables answer instead
        if (cuts.stream().anyMatch(c -> c.inBand() < bands.get(c.index()).customers()
                && cutBands.getOrDefault(bands.get(c.index()).band(), List.of()).size() < c.inBand())) {
            return direct.pareto();
        }
        List<BigDecimal> perBucket = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal revenueBeforeBand = BigDecimal.ZERO;
        int summed = 0;
        for (Cut cut : cuts) {
            while (summed < cut.index()) {
                revenueBeforeBand = revenueBeforeBand.add(bands.get(summed++).revenue());
            }
            Band cutBand = bands.get(cut.index());
            BigDecimal upTo = revenueBeforeBand.add(cut.inBand() == cutBand.customers() ? cutBand.revenue()
                    : cutBands.get(cutBand.band()).subList(0, (int) cut.inBand()).stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            perBucket.add(upTo.subtract(before));
            before = upTo;
        }
        return DashboardQueries.paretoPoints(perBucket);
    }

    /** The lifetime revenue of each customer in these bands, richest first: one read for every cut band. */
    private Map<Integer, List<BigDecimal>> valuesOf(List<Integer> bands) {
        Map<Integer, List<BigDecimal>> values = new HashMap<>();
        if (bands.isEmpty()) {
            return values;
        }
        ScopeCondition where = scope.condition("a");
        jdbc.sql("SELECT a.spend_band, a.lifetime_revenue FROM dashboard_customers a WHERE a.survivor"
                        + " AND a.spend_band IN (:bands) AND " + where.sql()
                        + " ORDER BY a.spend_band, a.lifetime_revenue DESC")
                .params(where.params()).param("bands", bands)
                .query(rs -> {
                    values.computeIfAbsent(rs.getInt(1), b -> new ArrayList<>()).add(rs.getBigDecimal(2));
                });
        return values;
    }

    @Override
    public List<RunInfo> runs(long schemeId, int limit) {
        return direct.runs(schemeId, limit);
    }

    /** From the matrix kept since that run; a run too old to have one is computed directly. */
    @Override
    public List<MatrixCell> migration(long schemeId, Long sinceRunId) {
        if (sinceRunId == null) {
            List<MatrixCell> cells = new ArrayList<>();
            tierCounts(schemeId).forEach((tier, n) -> cells.add(new MatrixCell(null, tier, n)));
            return cells;
        }
        boolean kept = jdbc.sql("SELECT COUNT(*) FROM dashboard_migration_runs WHERE run_id = :run AND kept")
                .param("run", sinceRunId).query(Long.class).single() > 0;
        if (!kept) {
            return direct.migration(schemeId, sinceRunId);
        }
        ScopeCondition where = scope.condition("a");
        return DashboardQueries.positiveCells(jdbc.sql("SELECT a.from_tier, a.to_tier, SUM(a.customers) AS n"
                        + " FROM dashboard_migration a WHERE a.scheme_id = :scheme AND a.since_run = :run AND "
                        + where.sql() + " GROUP BY a.from_tier, a.to_tier")
                .params(where.params()).param("scheme", schemeId).param("run", sinceRunId)
                .query((rs, n) -> new MatrixCell(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    @Override
    public Map<LocalDate, Map<String, Long>> history(long schemeId) {
        ScopeCondition where = scope.condition("a");
        TreeMap<LocalDate, Map<String, Long>> changes = new TreeMap<>();
        jdbc.sql("SELECT a.as_of, a.tier_key, SUM(a.entered) AS entered, SUM(a.exited) AS exited"
                        + " FROM dashboard_history a WHERE a.scheme_id = :scheme AND " + where.sql()
                        + " GROUP BY a.as_of, a.tier_key HAVING SUM(a.entered) <> 0 OR SUM(a.exited) <> 0")
                .params(where.params()).param("scheme", schemeId)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getObject("as_of", LocalDate.class), d -> new HashMap<>())
                            .merge(rs.getString("tier_key"), rs.getLong("entered") - rs.getLong("exited"), Long::sum);
                });
        return DashboardQueries.runningSizes(changes);
    }

    @Override
    public List<TierRetention> retention(long schemeId, Period period) {
        ScopeCondition where = scope.condition("a");
        return jdbc.sql("""
                        SELECT a.tier_key,
                               SUM(CASE WHEN a.month_no < :from AND (a.previous_month IS NULL
                                             OR a.previous_month < :previous) THEN a.customers ELSE 0 END)
                                   AS previous_buyers,
                               SUM(CASE WHEN a.month_no >= :from AND a.previous_month >= :previous
                                             AND a.previous_month < :from THEN a.customers ELSE 0 END) AS retained,
                               SUM(CASE WHEN a.month_no >= :from AND (a.previous_month IS NULL
                                             OR a.previous_month < :from) THEN a.customers ELSE 0 END) AS buyers,
                               SUM(CASE WHEN a.month_no >= :from AND (a.previous_month IS NULL
                                             OR a.previous_month < :from)
                                             AND (a.several_orders OR a.next_month <= :to)
                                        THEN a.customers ELSE 0 END) AS repeat_buyers
                        FROM dashboard_activity a
                        WHERE a.scheme_id = :scheme AND a.month_no BETWEEN :previous AND :to AND %s
                        GROUP BY a.tier_key
                        HAVING SUM(CASE WHEN a.previous_month IS NULL OR a.previous_month < :previous
                                             OR (a.month_no >= :from AND a.previous_month < :from)
                                        THEN a.customers ELSE 0 END) <> 0""".formatted(where.sql()))
                .params(where.params()).param("scheme", schemeId).param("previous", period.previousFromMonth())
                .param("from", period.fromMonth()).param("to", period.toMonth())
                .query((rs, n) -> new TierRetention(rs.getString("tier_key"), rs.getLong("previous_buyers"),
                        rs.getLong("retained"), rs.getLong("buyers"), rs.getLong("repeat_buyers")))
                .list();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
