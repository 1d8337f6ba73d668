package org.strata.server.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.strata.server.dashboard.DashboardQueries.MatrixCell;
import org.strata.server.dashboard.DashboardQueries.ParetoPoint;
import org.strata.server.dashboard.DashboardQueries.RunInfo;
import org.strata.server.dashboard.DashboardQueries.TierFigure;
import org.strata.server.dashboard.DashboardQueries.TierRetention;
import org.strata.server.dashboard.DashboardQueries.Totals;

/**
 * The dashboard's figures within the caller's scope. Two implementations must agree to the last customer and cent:
 * {@link DashboardQueries} computes them from the base tables, {@link AggregatedFigures} sums pre-aggregated rows.
 */
interface FigureSource {

    /** Customers per tier now, and the revenue of the period per tier. */
    List<TierFigure> tiers(long schemeId, Period period);

    /** All customers, those who bought in the period, and the period's revenue. */
    Totals totals(Period period);

    /** Cumulative share of lifetime net revenue after each percent of customers, the richest first. */
    List<ParetoPoint> pareto();

    /** Succeeded runs of a scheme, newest first. */
    List<RunInfo> runs(long schemeId, int limit);

    /** Customers by the tier they were in after run {@code sinceRunId} (null: not placed) and their tier now. */
    List<MatrixCell> migration(long schemeId, Long sinceRunId);

    /** Tier sizes after each run, by the run's as-of day. */
    Map<LocalDate, Map<String, Long>> history(long schemeId);

    /** Per current tier: buyers of the previous period and of this one, those who bought in both, repeat buyers. */
    List<TierRetention> retention(long schemeId, Period period);
}
