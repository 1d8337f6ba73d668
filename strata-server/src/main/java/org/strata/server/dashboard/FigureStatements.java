package org.strata.server.dashboard;

import java.util.List;

/**
 * The SQL that computes each customer's contribution to the pre-aggregated dashboard figures (V50). Every statement
 * is restricted to a set of customers: {@link Customers#ALL} (a rebuild) or the customers of
 * {@code dashboard_refresh_set} (a refresh). Contributions are inserted multiplied by {@code :sign}, so the same statement subtracts what a customer
 * contributed before a change (-1, over the state before it) and adds what it contributes after (+1).
 *
 * <p>The definitions are those of {@link DashboardQueries}: orders of an absorbed customer count for its survivor
 * ({@code COALESCE(merged_into, id)}); realised revenue is amount minus refunds of completed and partially refunded
 * orders; tier sizes and customer counts take surviving customers only.
 */
final class FigureStatements {

    private static final List<String> REALISED_STATUSES = List.of("completed", "partially_refunded");
    private static final String REALISED = "o.status IN ('" + String.join("', '", REALISED_STATUSES) + "')";
    /** The customer an order of {@code o} counts for, with {@code oc} its customer when that one was absorbed. */
    private static final String SURVIVOR = "COALESCE(oc.merged_into, o.customer_id)";

    private FigureStatements() {
    }

    /** Whether an order of this status counts for the revenue and the activity ({@code REALISED} in Java). */
    static boolean realised(String status) {
        return REALISED_STATUSES.contains(status);
    }

    /**
     * Which customers a statement covers: every one (a rebuild in one transaction), those of the refresh in progress,
     * or the ids {@code :first_customer} to {@code :last_customer} (a chunk of a rebuild in several transactions).
     */
    enum Customers {
        ALL, REFRESH_SET, RANGE;

        /** The condition that {@code column} holds the id of a covered customer. */
        String on(String column) {
            return switch (this) {
                case ALL -> "1 = 1";
                case REFRESH_SET -> column + " IN (SELECT customer_id FROM dashboard_refresh_set)";
                case RANGE -> column + " BETWEEN :first_customer AND :last_customer";
            };
        }
    }

    /**
     * The state of every customer from the lifetime figures the customer list keeps ({@code customer_figures}): a
     * surviving customer's {@code total_spent} is by definition the sum of the revenue of its months (realised orders
     * net of refunds, its absorbed customers' included), which {@link #customersState} adds up again from the months,
     * 2.4 million rows at a million customers. An absorbed customer has no months: zero, whatever its row says.
     */
    static String customersStateOfEveryone() {
        String revenue = "CASE WHEN c.merged_into IS NULL THEN COALESCE(f.total_spent, 0) ELSE 0 END";
        return """
                INSERT INTO dashboard_customers (customer_id, owner_id, team_id, survivor, lifetime_revenue, spend_band)
                SELECT c.id, c.owner_id, c.team_id, CASE WHEN c.merged_into IS NULL THEN TRUE ELSE FALSE END, %s, %s
                FROM customers c LEFT JOIN customer_figures f ON f.customer_id = c.id""".formatted(revenue,
                spendBand(revenue));
    }

    /** The state of the customers in {@code set}: owner, team, whether they survive, their lifetime revenue. */
    static String customersState(Customers set) {
        return """
                INSERT INTO dashboard_customers (customer_id, owner_id, team_id, survivor, lifetime_revenue, spend_band)
                SELECT c.id, c.owner_id, c.team_id, CASE WHEN c.merged_into IS NULL THEN TRUE ELSE FALSE END,
                       COALESCE(r.revenue, 0), %s
                FROM customers c
                LEFT JOIN (SELECT customer_id, SUM(revenue) AS revenue FROM dashboard_customer_months
                           WHERE %s GROUP BY customer_id) r ON r.customer_id = c.id
                WHERE %s""".formatted(spendBand("COALESCE(r.revenue, 0)"), set.on("customer_id"), set.on("c.id"));
    }

    /**
     * A band about 0.1 % wide around each revenue, monotone in it: zero alone, positive and negative amounts on a
     * logarithmic scale. The Pareto curve sums whole bands and reads single values only inside the band a percentile
     * boundary cuts.
     */
    static String spendBand(String revenue) {
        // in double precision: PostgreSQL's logarithm of a numeric costs about twenty times as much, and any band
        // monotone in the revenue serves
        String amount = "CAST(" + revenue + " AS DOUBLE PRECISION)";
        return "CASE WHEN " + revenue + " > 0 THEN 1 + CAST(FLOOR(LN(" + amount + " + 1) * 1000) AS INT)"
                + " WHEN " + revenue + " < 0 THEN -1 - CAST(FLOOR(LN(1 - " + amount + ") * 1000) AS INT) ELSE 0 END";
    }

    /**
     * Months with realised orders of the customers in {@code set}, with their neighbouring order months, {@code month}
     * computing an order {@code o}'s month number. The set must hold the survivor of each absorbed customer in it: an
     * absorbed customer's orders count for its survivor.
     */
    static String customerMonths(Customers set, String month) {
        // a refresh's few customers and those merged into them find their orders through indexes; a rebuild's
        // range covers a large share of the orders, read in one pass (H2 would run that subquery once per order)
        String orderSet = set == Customers.REFRESH_SET
                ? "o.customer_id IN (SELECT s.id FROM customers s WHERE " + set.on("s.id")
                + " UNION SELECT a.id FROM customers a WHERE " + set.on("a.merged_into") + ")"
                : set.on(SURVIVOR);
        // only absorbed customers are joined: the few rows of customers_merged_into_idx, not a million customers
        return """
                INSERT INTO dashboard_customer_months (customer_id, month_no, orders, revenue, previous_month,
                                                       next_month)
                SELECT customer_id, month_no, orders, revenue,
                       LAG(month_no) OVER (PARTITION BY customer_id ORDER BY month_no),
                       LEAD(month_no) OVER (PARTITION BY customer_id ORDER BY month_no)
                FROM (SELECT %1$s AS customer_id, %2$s AS month_no,
                             COUNT(*) AS orders, SUM(o.amount - o.refund_amount) AS revenue
                      FROM orders o
                      LEFT JOIN customers oc ON oc.id = o.customer_id AND oc.merged_into IS NOT NULL
                      WHERE %3$s AND o.customer_id IS NOT NULL AND %4$s
                      GROUP BY %1$s, %2$s) m
                WHERE %5$s""".formatted(SURVIVOR, month, REALISED, orderSet, set.on("m.customer_id"));
    }

    /** Tiers of the customers in {@code set} in scheme {@code :scheme} (all schemes when {@code oneScheme} is false). */
    static String customerTiers(Customers set, boolean oneScheme) {
        return "INSERT INTO dashboard_customer_tiers (scheme_id, customer_id, tier_key)"
                + " SELECT m.scheme_id, m.customer_id, m.tier_key FROM tiering_memberships m WHERE "
                + set.on("m.customer_id") + (oneScheme ? " AND m.scheme_id = :scheme" : "");
    }

    /**
     * Activity of the customers in {@code set}: one row per customer (month_no null) and one per order month, keyed
     * by owner and team, for every customer (scheme 0) when {@code tiers} is false, otherwise by scheme and tier.
     */
    static String activity(Customers set, boolean tiers, boolean oneScheme) {
        String scheme = tiers ? "t.scheme_id" : "0";
        String tier = tiers ? "t.tier_key" : "''";
        String join = tiers ? " JOIN dashboard_customer_tiers t ON t.customer_id = d.customer_id"
                + (oneScheme ? " AND t.scheme_id = :scheme" : "") : "";
        String keys = tiers ? "t.scheme_id, t.tier_key, " : "";
        String customerSet = set.on("d.customer_id");
        return """
                INSERT INTO dashboard_activity (scheme_id, tier_key, owner_id, team_id, month_no, previous_month,
                                                next_month, several_orders, customers, revenue)
                SELECT %1$s, %2$s, d.owner_id, d.team_id, NULL, NULL, NULL, FALSE, :sign * COUNT(*), 0
                FROM dashboard_customers d%3$s
                WHERE d.survivor AND %4$s
                GROUP BY %5$sd.owner_id, d.team_id
                UNION ALL
                SELECT %1$s, %2$s, d.owner_id, d.team_id, cm.month_no, cm.previous_month, cm.next_month,
                       cm.several_orders, :sign * COUNT(*), :sign * SUM(cm.revenue)
                FROM (SELECT customer_id, month_no, previous_month, next_month, revenue,
                             CASE WHEN orders > 1 THEN TRUE ELSE FALSE END AS several_orders
                      FROM dashboard_customer_months) cm
                JOIN dashboard_customers d ON d.customer_id = cm.customer_id%3$s
                WHERE %4$s
                GROUP BY %5$sd.owner_id, d.team_id, cm.month_no, cm.previous_month, cm.next_month,
                         cm.several_orders""".formatted(scheme, tier, join, customerSet, keys);
    }

    /** Surviving customers of {@code set} by spend band, for the Pareto curve. */
    static String spend(Customers set) {
        return """
                INSERT INTO dashboard_spend (owner_id, team_id, spend_band, customers, revenue)
                SELECT d.owner_id, d.team_id, d.spend_band, :sign * COUNT(*), :sign * SUM(d.lifetime_revenue)
                FROM dashboard_customers d WHERE d.survivor AND %s
                GROUP BY d.owner_id, d.team_id, d.spend_band""".formatted(set.on("d.customer_id"));
    }

    /**
     * Entries and exits by runs of the customers in {@code set} (absorbed customers included: their ledger stays
     * theirs), optionally of one run {@code :run} only.
     */
    static String history(Customers set, boolean oneRun) {
        return """
                INSERT INTO dashboard_history (scheme_id, as_of, tier_key, owner_id, team_id, entered, exited)
                SELECT l.scheme_id, r.as_of, l.tier_key, d.owner_id, d.team_id,
                       :sign * SUM(CASE WHEN l.event = 'entered' THEN 1 ELSE 0 END),
                       :sign * SUM(CASE WHEN l.event = 'left' THEN 1 ELSE 0 END)
                FROM tiering_ledger l JOIN tiering_runs r ON r.id = l.run_id
                JOIN dashboard_customers d ON d.customer_id = l.customer_id
                WHERE l.event IN ('entered', 'left') AND %s%s
                GROUP BY l.scheme_id, r.as_of, l.tier_key, d.owner_id, d.team_id"""
                .formatted(set.on("l.customer_id"), oneRun ? " AND l.run_id = :run" : "");
    }

    /**
     * The matrix since run {@code :since} (ledger rows up to {@code :bound} are "after that run") of the surviving
     * customers in {@code set} placed in {@code :scheme}: from the tier they had after the run when they have moved
     * since, else from the tier they are in, to the tier they are in.
     */
    static String migration(Customers set) {
        return """
                INSERT INTO dashboard_migration (scheme_id, since_run, from_tier, to_tier, owner_id, team_id, customers)
                SELECT :scheme, :since, x.from_tier, x.to_tier, x.owner_id, x.team_id, :sign * COUNT(*) FROM (
                    SELECT t.tier_key AS to_tier, d.owner_id, d.team_id,
                           CASE WHEN EXISTS (SELECT 1 FROM tiering_ledger a WHERE a.scheme_id = :scheme
                                               AND a.customer_id = t.customer_id AND a.id > :bound
                                               AND a.event IN ('entered', 'pinned'))
                                THEN (SELECT p.tier_key FROM tiering_ledger p
                                      WHERE p.scheme_id = :scheme AND p.customer_id = t.customer_id
                                        AND p.event IN ('entered', 'pinned') AND p.id <= :bound
                                      ORDER BY p.id DESC LIMIT 1)
                                ELSE t.tier_key END AS from_tier
                    FROM dashboard_customer_tiers t
                    JOIN dashboard_customers d ON d.customer_id = t.customer_id AND d.survivor
                    WHERE t.scheme_id = :scheme AND %s) x
                GROUP BY x.from_tier, x.to_tier, x.owner_id, x.team_id""".formatted(set.on("t.customer_id"));
    }

    /**
     * What the ledger rows of runs say about the customers of {@code set}, by the customer's owner and team, for every
     * run or for run {@code :run} only: per run and customer an entry and a leaving is a move, an entry alone a first
     * placement, a leaving alone an exit (the definitions of {@code RunCountsInScope}).
     */
    static String runCounts(Customers set, boolean oneRun) {
        return """
                INSERT INTO dashboard_run_counts (run_id, owner_id, team_id, changed, moved, entered, exited,
                                                  tags_changed)
                SELECT x.run_id, d.owner_id, d.team_id, :sign * COUNT(*),
                       :sign * SUM(CASE WHEN x.entries > 0 AND x.leavings > 0 THEN 1 ELSE 0 END),
                       :sign * SUM(CASE WHEN x.entries > 0 AND x.leavings = 0 THEN 1 ELSE 0 END),
                       :sign * SUM(CASE WHEN x.entries = 0 AND x.leavings > 0 THEN 1 ELSE 0 END),
                       :sign * SUM(x.tag_changes)
                FROM (SELECT l.run_id, l.customer_id,
                             SUM(CASE WHEN l.event = 'entered' THEN 1 ELSE 0 END) AS entries,
                             SUM(CASE WHEN l.event = 'left' THEN 1 ELSE 0 END) AS leavings,
                             SUM(CASE WHEN l.event IN ('tag_added', 'tag_removed') THEN 1 ELSE 0 END) AS tag_changes
                      FROM tiering_ledger l
                      WHERE l.run_id IS NOT NULL AND %s%s
                      GROUP BY l.run_id, l.customer_id) x
                JOIN dashboard_customers d ON d.customer_id = x.customer_id
                GROUP BY x.run_id, d.owner_id, d.team_id"""
                .formatted(set.on("l.customer_id"), oneRun ? " AND l.run_id = :run" : "");
    }

    /**
     * Surviving customers of {@code set} by owner, team and creation time in whole epoch milliseconds, the precision
     * a run's start is compared at (creation times never change, so the customers table serves both signs).
     * <p>
     * A refresh reads owner, team and survival from the state the aggregates were computed from (which the
     * subtraction must undo); a rebuild has just computed that state from the customers in the same transaction, so
     * it reads the customers alone instead of joining a million rows of state back to them (0.4x the time at 1M).
     */
    static String created(Customers set) {
        String millis = "CAST(FLOOR(EXTRACT(EPOCH FROM c.created_at) * 1000) AS BIGINT)";
        if (set != Customers.REFRESH_SET) {
            return """
                    INSERT INTO dashboard_created (owner_id, team_id, created_ms, customers)
                    SELECT c.owner_id, c.team_id, %1$s, :sign * COUNT(*)
                    FROM customers c
                    WHERE c.merged_into IS NULL AND %2$s
                    GROUP BY c.owner_id, c.team_id, %1$s""".formatted(millis, set.on("c.id"));
        }
        return """
                INSERT INTO dashboard_created (owner_id, team_id, created_ms, customers)
                SELECT d.owner_id, d.team_id, %1$s, :sign * COUNT(*)
                FROM dashboard_customers d JOIN customers c ON c.id = d.customer_id
                WHERE d.survivor AND %2$s
                GROUP BY d.owner_id, d.team_id, %1$s""".formatted(millis, set.on("d.customer_id"));
    }
}
