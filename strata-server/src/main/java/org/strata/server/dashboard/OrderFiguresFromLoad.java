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

    private final CustomerMonthSums months;
    private final CustomerRows customers;
    private final long[] revenue;
    private final int[] band;
    private final Map<OwnerTeam, long[]> customersByOwner = new HashMap<>();
    private final Map<ActivityKey, long[]> activity = new HashMap<>();
    private final Map<SpendKey, long[]> spend = new HashMap<>();

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
        if (!steps.get("months grouped", () -> loaded.sums().group(customers.absorbed(),
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
                new RowsOnDemand(customers.size, c -> new Object[] {customers.ids[c], customers.owner(c),
                        customers.team(c), !customers.absorbed.get(c), BigDecimal.valueOf(revenue[c], 2), band[c]}));
        return months.size() + (long) customers.size;
    }

    /** Writes everyone's activity (scheme 0) and the spend histogram into the emptied aggregate tables. */
    long writeAggregates(JdbcTemplate jdbc, SqlDialect dialect) {
        List<Object[]> activityRows = new ArrayList<>();
        customersByOwner.forEach((key, count) -> activityRows.add(new Object[] {0L, "", key.owner(), key.team(),
                null, null, null, false, count[0], BigDecimal.ZERO}));
        activity.forEach((key, sums) -> activityRows.add(new Object[] {0L, "", key.owner(), key.team(), key.month(),
                key.previousMonth(), key.nextMonth(), key.severalOrders(), sums[0], BigDecimal.valueOf(sums[1], 2)}));
        List<Object[]> spendRows = new ArrayList<>();
        spend.forEach((key, sums) -> spendRows.add(new Object[] {key.owner(), key.team(), key.band(), sums[0],
                BigDecimal.valueOf(sums[1], 2)}));
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
            Long owner = customers.owner(c);
            Long team = customers.team(c);
            long cents = 0;
            for (; m < months.size() && months.customer(m) == id; m++) {
                long monthCents = months.cents(m);
                cents = Math.addExact(cents, monthCents);
                long[] sums = activity.computeIfAbsent(new ActivityKey(owner, team, months.month(m),
                        months.previousMonth(m), months.nextMonth(m), months.orders(m) > 1), key -> new long[2]);
                sums[0]++;
                sums[1] = Math.addExact(sums[1], monthCents);
            }
            if (customers.absorbed.get(c)) {
                continue;
            }
            revenue[c] = cents;
            int customerBand = SpendBands.of(cents);
            band[c] = customerBand != SpendBands.ASK ? customerBand : SpendBands.asked(jdbc, cents);
            customersByOwner.computeIfAbsent(new OwnerTeam(owner, team), key -> new long[1])[0]++;
            long[] sums = spend.computeIfAbsent(new SpendKey(owner, team, band[c]), key -> new long[2]);
            sums[0]++;
            sums[1] = Math.addExact(sums[1], cents);
        }
        return m == months.size();
    }

    private record OwnerTeam(Long owner, Long team) {
    }

    private record ActivityKey(Long owner, Long team, int month, Integer previousMonth, Integer nextMonth,
                               boolean severalOrders) {
    }

    private record SpendKey(Long owner, Long team, int band) {
    }

    /** Every customer's id, owner and team in id order, and which were absorbed by a merge into which. */
    private static final class CustomerRows {

        private static final long NONE = Long.MIN_VALUE;

        private long[] ids = new long[1 << 16];
        private long[] owners = new long[1 << 16];
        private long[] teams = new long[1 << 16];
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
                long owner = rs.getLong(2);
                owner = rs.wasNull() ? NONE : owner;
                long team = rs.getLong(3);
                team = rs.wasNull() ? NONE : team;
                long mergedInto = rs.getLong(4);
                if (!rs.wasNull()) {
                    rows.absorbed.set(rows.size);
                    merges.add(new long[] {id, mergedInto});
                }
                rows.add(id, owner, team);
            });
            // ascending by id already, as the customers were read
            rows.absorbedIds = merges.stream().mapToLong(merge -> merge[0]).toArray();
            rows.survivorIds = merges.stream().mapToLong(merge -> merge[1]).toArray();
            return rows;
        }

        long[] absorbed() {
            return absorbedIds;
        }

        long[] survivorsOfAbsorbed() {
            return survivorIds;
        }

        Long owner(int c) {
            return owners[c] == NONE ? null : owners[c];
        }

        Long team(int c) {
            return teams[c] == NONE ? null : teams[c];
        }

        private void add(long id, long owner, long team) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                owners = Arrays.copyOf(owners, size * 2);
                teams = Arrays.copyOf(teams, size * 2);
            }
            ids[size] = id;
            owners[size] = owner;
            teams[size] = team;
            size++;
        }
    }
}
