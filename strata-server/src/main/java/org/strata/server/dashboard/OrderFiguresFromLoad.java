package org.strata.server.dashboard;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.SqlDialect;

/**
 * The figures orders decide, for every customer, from the months a first load summed ({@link LoadedOrderMonths})
 * instead of from the stored orders: each customer's order months and state ({@code dashboard_customer_months},
 * {@code dashboard_customers}) copied in, and the activity of everyone (scheme 0) and the spend histogram added up in
 * Java while the customers are walked in id order beside their months. Row for row what {@link FigureStatements}
 * compute: an absorbed customer's months count for the customer it was merged into ({@code COALESCE(merged_into,
 * id)}), an absorbed customer has no revenue and counts in no aggregate, months join any customer.
 *
 * <p>The activity by tier stays SQL: it needs every scheme's tiers, and after a load of orders there are often none.
 */
final class OrderFiguresFromLoad {

    private static final List<String> MONTH_COLUMNS = List.of("customer_id BIGINT", "month_no INT", "orders INT",
            "revenue NUMERIC(18, 2)", "previous_month INT", "next_month INT");
    private static final List<String> CUSTOMER_COLUMNS = List.of("customer_id BIGINT", "owner_id BIGINT",
            "team_id BIGINT", "survivor BOOLEAN", "lifetime_revenue NUMERIC(18, 2)", "spend_band INT");
    private static final List<String> ACTIVITY_COLUMNS = List.of("scheme_id BIGINT", "tier_key VARCHAR(64)",
            "owner_id BIGINT", "team_id BIGINT", "month_no INT", "previous_month INT", "next_month INT",
            "several_orders BOOLEAN", "customers BIGINT", "revenue NUMERIC(20, 2)");
    private static final List<String> SPEND_COLUMNS = List.of("owner_id BIGINT", "team_id BIGINT", "spend_band INT",
            "customers BIGINT", "revenue NUMERIC(20, 2)");
    /** Rows fetched per round trip while the customers are read. */
    private static final int FETCH = 20_000;
    // an activity key: owner and team (20 bits), month (11), previous and next month plus one, 0 for none (12 each),
    // several orders (1)
    private static final int PAIR_SHIFT = 36;
    private static final int MONTH_SHIFT = 25;
    private static final int PREVIOUS_SHIFT = 13;
    private static final int NEXT_SHIFT = 1;
    private static final long MONTH_MASK = (1L << 11) - 1;
    private static final long NEIGHBOUR_MASK = (1L << 12) - 1;
    /** Owner and team pairs an activity key holds. */
    private static final int MAX_PAIRS = 1 << 20;

    private final CustomerMonthSums months;
    private final CustomerRows customers;
    private final long[] revenue;
    private final int[] band;
    /** Surviving customers by their owner and team (its index in {@link CustomerRows#pairs}). */
    private final KeyedSums customersByPair = new KeyedSums();
    /** Customer months by owner and team, month, previous and next month, several orders ({@link #activityKey}). */
    private final KeyedSums activity = new KeyedSums();
    /** Surviving customers and their revenue by owner and team, and spend band ({@link #spendKey}). */
    private final KeyedSums spend = new KeyedSums();

    private OrderFiguresFromLoad(CustomerMonthSums months, CustomerRows customers) {
        this.months = months;
        this.customers = customers;
        this.revenue = new long[customers.size];
        this.band = new int[customers.size];
    }

    /**
     * The figures from the load's months and the customers as they are now, or empty when the months do not stand for
     * the stored orders (see {@link CustomerMonthSums}). Call once the orders are known unchanged since the load.
     */
    static Optional<OrderFiguresFromLoad> of(JdbcTemplate jdbc, LoadedOrderMonths loaded, BulkSteps steps) {
        CustomerRows customers = steps.get("customers read", () -> CustomerRows.read(jdbc));
        if (!customers.pairsFit() || !steps.get("months grouped", () -> loaded.sums().group(customers.absorbed(),
                customers.survivorsOfAbsorbed()))) {
            return Optional.empty();
        }
        OrderFiguresFromLoad figures = new OrderFiguresFromLoad(loaded.sums(), customers);
        return steps.get("customers' revenue, activity and spend summed", () -> figures.sumUp(jdbc))
                ? Optional.of(figures) : Optional.empty();
    }

    /** Copies the customers' order months and states into the emptied tables (their indexes suspended). */
    long writeState(JdbcTemplate jdbc, SqlDialect dialect) {
        dialect.appendRowsToTruncated(jdbc, "dashboard_customer_months", MONTH_COLUMNS,
                new RowsOnDemand(months.size(), i -> new Object[] {months.customer(i), months.month(i),
                        months.orders(i), BigDecimal.valueOf(months.cents(i), 2), months.previousMonth(i),
                        months.nextMonth(i)}));
        dialect.appendRowsToTruncated(jdbc, "dashboard_customers", CUSTOMER_COLUMNS,
                new RowsOnDemand(customers.size, c -> {
                    OwnerTeam owner = customers.pairs.get(customers.pairOf[c]);
                    return new Object[] {customers.ids[c], owner.owner(), owner.team(), !customers.absorbed.get(c),
                            BigDecimal.valueOf(revenue[c], 2), band[c]};
                }));
        return months.size() + (long) customers.size;
    }

    /** Writes everyone's activity (scheme 0) and the spend histogram into the emptied aggregate tables. */
    long writeAggregates(JdbcTemplate jdbc, SqlDialect dialect) {
        List<Object[]> activityRows = new ArrayList<>();
        customersByPair.forEach((pair, count, cents) -> {
            OwnerTeam owner = customers.pairs.get((int) pair);
            activityRows.add(new Object[] {0L, "", owner.owner(), owner.team(), null, null, null, false, count,
                    BigDecimal.ZERO});
        });
        activity.forEach((key, count, cents) -> {
            OwnerTeam owner = customers.pairs.get((int) (key >>> PAIR_SHIFT));
            activityRows.add(new Object[] {0L, "", owner.owner(), owner.team(),
                    MonthBuckets.FIRST_MONTH + (int) (key >>> MONTH_SHIFT & MONTH_MASK),
                    neighbour(key >>> PREVIOUS_SHIFT), neighbour(key >>> NEXT_SHIFT), (key & 1) == 1, count,
                    BigDecimal.valueOf(cents, 2)});
        });
        List<Object[]> spendRows = new ArrayList<>();
        spend.forEach((key, count, cents) -> {
            OwnerTeam owner = customers.pairs.get((int) (key >>> 32));
            spendRows.add(new Object[] {owner.owner(), owner.team(), (int) key, count, BigDecimal.valueOf(cents, 2)});
        });
        dialect.appendRowsToTruncated(jdbc, "dashboard_activity", ACTIVITY_COLUMNS, activityRows);
        dialect.appendRowsToTruncated(jdbc, "dashboard_spend", SPEND_COLUMNS, spendRows);
        return activityRows.size() + (long) spendRows.size();
    }

    /**
     * Walks the customers in id order beside their months (both sorted by customer): each customer's lifetime revenue
     * and band, and what it adds to the aggregates. False when a month belongs to no customer.
     */
    private boolean sumUp(JdbcTemplate jdbc) {
        int m = 0;
        for (int c = 0; c < customers.size; c++) {
            long id = customers.ids[c];
            if (m < months.size() && months.customer(m) < id) {
                return false;
            }
            int pair = customers.pairOf[c];
            long cents = 0;
            for (int first = m; m < months.size() && months.customer(m) == id; m++) {
                long monthCents = months.cents(m);
                cents = Math.addExact(cents, monthCents);
                int previous = m > first ? months.monthOffset(m - 1) + 1 : 0;
                int next = m + 1 < months.size() && months.customer(m + 1) == id ? months.monthOffset(m + 1) + 1 : 0;
                activity.add(activityKey(pair, months.monthOffset(m), previous, next, months.orders(m) > 1),
                        monthCents);
            }
            if (customers.absorbed.get(c)) {
                continue;
            }
            revenue[c] = cents;
            int customerBand = SpendBands.of(cents);
            band[c] = customerBand != SpendBands.ASK ? customerBand : SpendBands.asked(jdbc, cents);
            customersByPair.add(pair, 0);
            spend.add(spendKey(pair, band[c]), cents);
        }
        return m == months.size();
    }

    private static long activityKey(int pair, int month, int previous, int next, boolean severalOrders) {
        return (long) pair << PAIR_SHIFT | (long) month << MONTH_SHIFT | (long) previous << PREVIOUS_SHIFT
                | (long) next << NEXT_SHIFT | (severalOrders ? 1 : 0);
    }

    private static Integer neighbour(long bits) {
        int plusOne = (int) (bits & NEIGHBOUR_MASK);
        return plusOne == 0 ? null : MonthBuckets.FIRST_MONTH + plusOne - 1;
    }

    private static long spendKey(int pair, int band) {
        return (long) pair << 32 | (band & 0xFFFF_FFFFL);
    }

    private record OwnerTeam(Long owner, Long team) {
    }

    /**
     * Every customer's id and owner and team (an index into the distinct pairs) in id order, and which were absorbed by
     * a merge into which.
     */
    private static final class CustomerRows {

        private long[] ids = new long[1 << 16];
        private int[] pairOf = new int[1 << 16];
        private final List<OwnerTeam> pairs = new ArrayList<>();
        private final Map<OwnerTeam, Integer> pairIndexes = new HashMap<>();
        private final BitSet absorbed = new BitSet();
        private long[] absorbedIds = new long[0];
        private long[] survivorIds = new long[0];
        private int size;

        static CustomerRows read(JdbcTemplate jdbc) {
            CustomerRows rows = new CustomerRows();
            List<long[]> merges = new ArrayList<>();
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, owner_id, team_id, merged_into FROM customers ORDER BY id");
                statement.setFetchSize(FETCH);
                return statement;
            }, (RowCallbackHandler) rs -> {
                long id = rs.getLong(1);
                OwnerTeam owner = new OwnerTeam(rs.getObject(2, Long.class), rs.getObject(3, Long.class));
                long mergedInto = rs.getLong(4);
                if (!rs.wasNull()) {
                    rows.absorbed.set(rows.size);
                    merges.add(new long[] {id, mergedInto});
                }
                rows.add(id, rows.pairIndexes.computeIfAbsent(owner, pair -> {
                    rows.pairs.add(pair);
                    return rows.pairs.size() - 1;
                }));
            });
            // ascending by id already, as the customers were read
            rows.absorbedIds = merges.stream().mapToLong(merge -> merge[0]).toArray();
            rows.survivorIds = merges.stream().mapToLong(merge -> merge[1]).toArray();
            return rows;
        }

        /** Whether the activity keys hold every owner and team pair. */
        boolean pairsFit() {
            return pairs.size() <= MAX_PAIRS;
        }

        long[] absorbed() {
            return absorbedIds;
        }

        long[] survivorsOfAbsorbed() {
            return survivorIds;
        }

        private void add(long id, int pair) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                pairOf = Arrays.copyOf(pairOf, size * 2);
            }
            ids[size] = id;
            pairOf[size] = pair;
            size++;
        }
    }
}
