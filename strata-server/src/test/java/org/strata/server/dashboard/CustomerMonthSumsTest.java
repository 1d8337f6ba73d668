package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The load's month sums against a plain aggregation of the same orders (a sorted map), on random orders. */
class CustomerMonthSumsTest {

    private static final int MONTH = MonthBuckets.FIRST_MONTH + 56 * 12;

    record Order(long customer, int month, long cents) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"grouped by customer and time", "shuffled", "reversed"})
    void groupedSumsEqualAPlainAggregationWhateverTheOrderOfTheFile(String arrangement) {
        List<Order> orders = randomOrders(new Random(arrangement.hashCode()), 200_000);
        if (arrangement.equals("shuffled")) {
            Collections.shuffle(orders, new Random(3));
        } else if (arrangement.equals("reversed")) {
            Collections.reverse(orders);
        }
        CustomerMonthSums sums = new CustomerMonthSums();
        orders.forEach(order -> assertThat(sums.add(order.customer(), order.month(), order.cents())).isTrue());

        assertThat(sums.group(new long[0], new long[0])).isTrue();

        assertThat(rows(sums)).isEqualTo(expectedRows(orders, Map.of()));
    }

    @Test
    void theMonthsOfAbsorbedCustomersCountForTheirSurvivors() {
        List<Order> orders = randomOrders(new Random(5), 50_000);
        // customers 7 and 300 were absorbed by 8 and 2 (a survivor of a lower id: the keys change order)
        Map<Long, Long> survivors = Map.of(7L, 8L, 300L, 2L);
        CustomerMonthSums sums = new CustomerMonthSums();
        orders.forEach(order -> sums.add(order.customer(), order.month(), order.cents()));

        assertThat(sums.group(new long[] {7, 300}, new long[] {8, 2})).isTrue();

        assertThat(rows(sums)).isEqualTo(expectedRows(orders, survivors));
        assertThat(rows(sums)).noneMatch(row -> row.startsWith("7 ") || row.startsWith("300 "));
    }

    @Test
    void absorbedCustomersWhoseSurvivorsComeLaterInTheFileAreSortedIntoPlace() {
        // a file in key order but for a few customers moved far ahead to their survivors: the input on which
        // median-of-three quicksort alone split off a handful of entries per pass (the sort falls back to heapsort)
        List<Order> orders = new ArrayList<>();
        for (long customer = 1; customer <= 300_000; customer++) {
            orders.add(new Order(customer, MONTH + (int) (customer % 7), customer % 1_000));
            orders.add(new Order(customer, MONTH + 7 + (int) (customer % 5), 3));
        }
        Map<Long, Long> survivors = new TreeMap<>();
        for (int i = 0; i < 69; i++) {
            survivors.put(1_000L + i * 1_000L, 299_000L + i);
        }
        CustomerMonthSums sums = new CustomerMonthSums();
        orders.forEach(order -> sums.add(order.customer(), order.month(), order.cents()));

        assertThat(sums.group(survivors.keySet().stream().mapToLong(Long::longValue).toArray(),
                survivors.values().stream().mapToLong(Long::longValue).toArray())).isTrue();

        assertThat(rows(sums)).isEqualTo(expectedRows(orders, survivors));
    }

    @Test
    void absorbedCustomersOfAFileInKeyOrderAreMergedBackBesideTheirSurvivorsOwnMonths() {
        // survivors of lower and of higher ids, one absorbing two customers, months shared with the survivor's own
        List<Order> orders = new ArrayList<>();
        for (long customer = 1; customer <= 20_000; customer++) {
            for (int month = 0; month < 1 + customer % 4; month++) {
                orders.add(new Order(customer, MONTH + month * 3, customer * 10 + month));
            }
        }
        Map<Long, Long> survivors = new TreeMap<>(Map.of(5L, 19_999L, 7_000L, 3L, 7_001L, 3L, 12_345L, 12_346L,
                20_000L, 1L));
        CustomerMonthSums sums = new CustomerMonthSums();
        orders.forEach(order -> assertThat(sums.add(order.customer(), order.month(), order.cents())).isTrue());

        assertThat(sums.group(survivors.keySet().stream().mapToLong(Long::longValue).toArray(),
                survivors.values().stream().mapToLong(Long::longValue).toArray())).isTrue();

        assertThat(rows(sums)).isEqualTo(expectedRows(orders, survivors));
    }

    @Test
    void whatDoesNotFitTheKeysOrTheSumsIsRefused() {
        CustomerMonthSums sums = new CustomerMonthSums();
        assertThat(sums.add(1L << 52, MONTH, 100)).as("a customer id above 2^52").isFalse();
        assertThat(sums.add(1, MonthBuckets.END_MONTH, 100)).as("a month after the searched years").isFalse();
        assertThat(sums.add(1, MonthBuckets.FIRST_MONTH - 1, 100)).as("a month before them").isFalse();
        assertThat(sums.add(1, MONTH, 1L << 43)).as("more cents than the packing holds").isFalse();

        CustomerMonthSums large = new CustomerMonthSums();
        assertThat(large.add(1, MONTH, (1L << 43) - 1)).isTrue();
        assertThat(large.add(2, MONTH, 5)).isTrue();
        // the same customer month again, apart from the first entry: only the grouping finds the sum too large
        assertThat(large.add(1, MONTH, 1)).isTrue();
        assertThat(large.group(new long[0], new long[0])).as("a customer month above 87 billion yuan").isFalse();
    }

    @Test
    void negativeRevenueAndTheLastMonthOfTheSearchedYearsArePacked() {
        CustomerMonthSums sums = new CustomerMonthSums();
        sums.add(42, MonthBuckets.END_MONTH - 1, -(1L << 43));
        sums.add(42, MonthBuckets.FIRST_MONTH, -3);

        assertThat(sums.group(new long[0], new long[0])).isTrue();

        assertThat(rows(sums)).containsExactly(
                "42 " + MonthBuckets.FIRST_MONTH + " 1 -3 null " + (MonthBuckets.END_MONTH - 1),
                "42 " + (MonthBuckets.END_MONTH - 1) + " 1 " + -(1L << 43) + " " + MonthBuckets.FIRST_MONTH
                        + " null");
    }

    /** Customers 1..400 with a few orders each over three years, many in the same month, some refunds. */
    private static List<Order> randomOrders(Random random, int count) {
        List<Order> orders = new ArrayList<>();
        while (orders.size() < count) {
            long customer = 1 + random.nextInt(400);
            int month = MONTH + random.nextInt(36);
            for (int n = random.nextInt(4); n >= 0; n--) {
                long cents = random.nextInt(10) == 0 ? -random.nextInt(5_000) : random.nextInt(2_000_000);
                orders.add(new Order(customer, month + (random.nextInt(3) == 0 ? 1 : 0), cents));
            }
        }
        // grouped by customer and month, as most exports come
        orders.sort((a, b) -> a.customer() != b.customer() ? Long.compare(a.customer(), b.customer())
                : Integer.compare(a.month(), b.month()));
        return orders;
    }

    private static List<String> rows(CustomerMonthSums sums) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) {
            rows.add(sums.customer(i) + " " + sums.month(i) + " " + sums.orders(i) + " " + sums.cents(i) + " "
                    + sums.previousMonth(i) + " " + sums.nextMonth(i));
        }
        return rows;
    }

    private static List<String> expectedRows(List<Order> orders, Map<Long, Long> survivors) {
        TreeMap<Long, TreeMap<Integer, long[]>> byCustomer = new TreeMap<>();
        for (Order order : orders) {
            long customer = survivors.getOrDefault(order.customer(), order.customer());
            long[] sums = byCustomer.computeIfAbsent(customer, c -> new TreeMap<>())
                    .computeIfAbsent(order.month(), m -> new long[2]);
            sums[0]++;
            sums[1] += order.cents();
        }
        List<String> rows = new ArrayList<>();
        byCustomer.forEach((customer, months) -> months.forEach((month, sums) -> rows.add(customer + " " + month
                + " " + sums[0] + " " + sums[1] + " " + months.lowerKey(month) + " " + months.higherKey(month))));
        return rows;
    }
}
