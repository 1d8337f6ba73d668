package org.strata.engine.feature;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.strata.engine.data.Amounts;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerColumns.Attribute;
import org.strata.engine.data.EventColumns;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.data.OrderStatus;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

/**
 * Computes the {@link StandardFeatures} of every customer for an as-of date, in one pass over the order columns into
 * per-customer primitive arrays (no object per order). Time rules are those of {@link StandardFeatures}.
 */
public final class FeatureComputer {

    /** Orders from which the order pass runs on two threads. */
    static final int PARALLEL_FROM_ORDERS = 1 << 20;

    private FeatureComputer() {
    }

    /** A daemon thread per task: the pass runs once per call, and a daemon never keeps a finished CLI alive. */
    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "strata-features");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The feature table of {@code customers} as of the start of {@code asOf} in {@code zone}.
     *
     * @param events interactions, or null when no events source exists (then the table has no event columns, rather
     *               than zeros that would claim nobody logged in)
     * @throws IllegalArgumentException when orders or events hold days of another zone than {@code zone}
     */
    public static FeatureTable compute(CustomerColumns customers, OrderColumns orders, EventColumns events,
                                       LocalDate asOf, ZoneId zone) {
        // below a million orders a second thread costs more than it saves
        return compute(customers, orders, events, asOf, zone, orders.size() >= PARALLEL_FROM_ORDERS
                && Runtime.getRuntime().availableProcessors() >= 2);
    }

    /** {@link #compute}, with the pass over the orders on two threads or on this one. */
    static FeatureTable compute(CustomerColumns customers, OrderColumns orders, EventColumns events, LocalDate asOf,
                                ZoneId zone, boolean twoThreads) {
        requireZone("orders", orders.zone(), zone);
        if (events != null) {
            requireZone("events", events.zone(), zone);
        }
        int n = customers.size();
        int asOfDay = (int) asOf.toEpochDay();
        Map<String, Column> columns = new LinkedHashMap<>();
        OrderPass pass = new OrderPass(n, asOfDay);
        pass.run(orders, twoThreads).addColumns(columns, customers, asOfDay);
        if (events != null) {
            addEventCounts(columns, events, n, asOfDay);
        }
        if (customers.describesCustomers()) {
            addAttributes(columns, customers, n);
        }
        return new FeatureTable(customers.index().ids(), columns);
    }

    /** The definitions of the columns {@link #compute} makes for these inputs, in column order. */
    public static List<FeatureDefinition> definitions(CustomerColumns customers, EventColumns events) {
        List<FeatureDefinition> list = new ArrayList<>(StandardFeatures.orderFeatures());
        if (events != null) {
            for (String type : eventTypes(events)) {
                for (int days : StandardFeatures.WINDOWS) {
                    list.add(StandardFeatures.eventCount(type, days));
                }
            }
        }
        if (customers.describesCustomers()) {
            list.addAll(StandardFeatures.attributeFeatures());
            customers.customFields().forEach((field, values) ->
                    list.add(StandardFeatures.customField(field, allNumbers(values) ? FeatureType.NUMBER
                            : FeatureType.TEXT)));
        }
        return list;
    }

    private static void requireZone(String what, ZoneId actual, ZoneId expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(what + " hold calendar days in " + actual + " but features are asked "
                    + "for in " + expected + "; read them again in " + expected);
        }
    }

    /** Per-customer accumulators filled by one scan of the orders. */
    private static final class OrderPass {
        private static final int NONE = Integer.MIN_VALUE;
        private final int n;
        private final int asOfDay;
        private final int[] firstDay;
        private final int[] lastDay;
        /** The purchase day before the last one (distinct days), for reactivation and intervals. */
        private final int[] previousDay;
        private final int[] purchaseDays;
        private final double[] frequency;
        private final double[] monetary;
        private final double[] margin;
        private final BitSet costUnknown = new BitSet();
        private final double[] refundAmount;
        private final double[] refundCount;
        /** One per window length (30, 90, 365 days), shortest first. */
        private final Window[] windows = new Window[StandardFeatures.WINDOWS.length];
        // the same windows as fields: the per-order loop reaches them without an array load and bounds check each
        private final Window shortWindow;
        private final Window middleWindow;
        private final Window longWindow;
        private boolean daysOutOfOrder;

        OrderPass(int n, int asOfDay) {
            this.n = n;
            this.asOfDay = asOfDay;
            firstDay = new int[n];
            lastDay = new int[n];
            previousDay = new int[n];
            Arrays.fill(firstDay, Integer.MAX_VALUE);
            Arrays.fill(lastDay, NONE);
            Arrays.fill(previousDay, NONE);
            purchaseDays = new int[n];
            frequency = new double[n];
            monetary = new double[n];
            margin = new double[n];
            refundAmount = new double[n];
            refundCount = new double[n];
            for (int w = 0; w < windows.length; w++) {
                windows[w] = new Window(StandardFeatures.WINDOWS[w], n);
            }
            shortWindow = windows[0];
            middleWindow = windows[1];
            longWindow = windows[2];
        }

        /**
         * @param twoThreads two halves of the customers on two threads: every array element belongs to one customer,
         *                   so the threads write disjoint elements; each scans all orders and skips the other half's
         *                   customers
         */
        OrderPass run(OrderColumns orders, boolean twoThreads) {
            if (!twoThreads || n < 2) {
                merge(scan(orders, 0, n));
                return finish(orders);
            }
            int middle = n / 2;
            CompletableFuture<RangeScan> upper = CompletableFuture.supplyAsync(() -> scan(orders, middle, n),
                    FeatureComputer::startThread);
            RangeScan lower = scan(orders, 0, middle);
            merge(lower);
            merge(upper.join());
            return finish(orders);
        }

        /** What one thread found besides the shared per-customer arrays. */
        private record RangeScan(BitSet costUnknown, boolean daysOutOfOrder) {
        }

        private RangeScan scan(OrderColumns orders, int fromCustomer, int toCustomer) {
            int[] customer = orders.customer();
            int[] day = orders.epochDay();
            double[] amount = orders.amount();
            double[] cost = orders.cost();
            double[] refund = orders.refund();
            byte[] status = orders.status();
            byte completed = OrderStatus.COMPLETED.code();
            byte refunded = OrderStatus.REFUNDED.code();
            byte returned = OrderStatus.RETURN.code();
            BitSet unknownCost = new BitSet();
            boolean outOfOrder = false;
            for (int i = 0, size = orders.size(); i < size; i++) {
                int c = customer[i];
                int d = day[i];
                if (c < fromCustomer || c >= toCustomer || d >= asOfDay) {
                    continue;
                }
                byte s = status[i];
                int age = asOfDay - d;
                if (s == returned) {
                    double r = refund[i];
                    monetary[c] -= r;
                    refundAmount[c] += r;
                    refundCount[c]++;
                    addToWindows(c, age, 0, -r);
                    continue;
                }
                if (s != completed && s != refunded) {
                    continue;
                }
                double r = refund[i];
                double net = amount[i] - r;
                frequency[c]++;
                monetary[c] += net;
                if (r != 0) {
                    refundAmount[c] += r;
                    refundCount[c]++;
                }
                double k = cost[i];
                if (Double.isNaN(k)) {
                    unknownCost.set(c);
                } else {
                    margin[c] += net - k;
                }
                int last = lastDay[c];
                if (d > last) {
                    previousDay[c] = last;
                    lastDay[c] = d;
                    purchaseDays[c]++;
                } else if (d < last) {
                    outOfOrder = true;
                }
                if (d < firstDay[c]) {
                    firstDay[c] = d;
                }
                addToWindows(c, age, 1, net);
            }
            return new RangeScan(unknownCost, outOfOrder);
        }

        private void merge(RangeScan scan) {
            costUnknown.or(scan.costUnknown());
            daysOutOfOrder |= scan.daysOutOfOrder();
        }

        private OrderPass finish(OrderColumns orders) {
            if (daysOutOfOrder) {
                recountPurchaseDays(orders);
            }
            return this;
        }

        private void addToWindows(int c, int age, double count, double money) {
            shortWindow.add(c, age, count, money);
            middleWindow.add(c, age, count, money);
            longWindow.add(c, age, count, money);
        }

        /**
         * The single pass counts distinct purchase days only when each customer's orders come in time order (the
         * common case: exports sorted by time or by customer and time). Otherwise group the purchase days by customer
         * (a counting sort) and count them per customer.
         */
        private void recountPurchaseDays(OrderColumns orders) {
            int[] customer = orders.customer();
            int[] day = orders.epochDay();
            byte[] status = orders.status();
            int[] start = new int[n + 1];
            for (int i = 0; i < orders.size(); i++) {
                if (day[i] < asOfDay && OrderStatus.ofCode(status[i]).isPurchase()) {
                    start[customer[i] + 1]++;
                }
            }
            for (int c = 0; c < n; c++) {
                start[c + 1] += start[c];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] grouped = new int[start[n]];
            for (int i = 0; i < orders.size(); i++) {
                if (day[i] < asOfDay && OrderStatus.ofCode(status[i]).isPurchase()) {
                    grouped[fill[customer[i]]++] = day[i];
                }
            }
            for (int c = 0; c < n; c++) {
                int from = start[c];
                int to = start[c + 1];
                Arrays.sort(grouped, from, to);
                int distinct = 0;
                int previous = NONE;
                int last = NONE;
                for (int i = from; i < to; i++) {
                    if (grouped[i] != last) {
                        previous = last;
                        last = grouped[i];
                        distinct++;
                    }
                }
                purchaseDays[c] = distinct;
                previousDay[c] = previous;
            }
        }

        void addColumns(Map<String, Column> columns, CustomerColumns customers, int asOfDay) {
            double[] recency = new double[n];
            double[] avgOrderValue = new double[n];
            double[] tenure = new double[n];
            double[] interval = new double[n];
            double[] lastGap = new double[n];
            double[] distinctDays = new double[n];
            int[] first = new int[n];
            int[] last = new int[n];
            BitSet noPurchase = new BitSet(n);
            BitSet noTenure = new BitSet(n);
            BitSet noInterval = new BitSet(n);
            BitSet noMargin = (BitSet) costUnknown.clone();
            for (int c = 0; c < n; c++) {
                int created = customers.createdDay(c);
                boolean bought = lastDay[c] != NONE;
                if (bought) {
                    recency[c] = asOfDay - lastDay[c];
                    avgOrderValue[c] = monetary[c] / frequency[c];
                    first[c] = firstDay[c];
                    last[c] = lastDay[c];
                } else {
                    noPurchase.set(c);
                    noMargin.set(c);
                }
                int since = bought ? firstDay[c] : Integer.MAX_VALUE;
                if (created != CustomerColumns.UNKNOWN_DAY && created < since) {
                    since = created;
                }
                if (since == Integer.MAX_VALUE) {
                    noTenure.set(c);
                } else {
                    tenure[c] = Math.max(0, asOfDay - since);
                }
                distinctDays[c] = purchaseDays[c];
                if (purchaseDays[c] >= 2) {
                    interval[c] = (double) (lastDay[c] - firstDay[c]) / (purchaseDays[c] - 1);
                    lastGap[c] = lastDay[c] - previousDay[c];
                } else {
                    noInterval.set(c);
                }
            }
            BitSet none = new BitSet();
            columns.put("recency_days", new NumberColumn(recency, noPurchase));
            columns.put("frequency", new NumberColumn(frequency, none));
            columns.put("monetary", new NumberColumn(monetary, none));
            columns.put("avg_order_value", new NumberColumn(avgOrderValue, noPurchase));
            columns.put("tenure_days", new NumberColumn(tenure, noTenure));
            columns.put("first_order_date", new DateColumn(first, noPurchase));
            columns.put("last_order_date", new DateColumn(last, noPurchase));
            columns.put("margin", new NumberColumn(margin, noMargin));
            columns.put("refund_amount", new NumberColumn(refundAmount, none));
            columns.put("refund_count", new NumberColumn(refundCount, none));
            columns.put("avg_interval_days", new NumberColumn(interval, noInterval));
            columns.put("purchase_days", new NumberColumn(distinctDays, none));
            columns.put("last_gap_days", new NumberColumn(lastGap, (BitSet) noInterval.clone()));
            for (Window window : windows) {
                int days = window.days;
                columns.put("orders_" + days + "d", new NumberColumn(window.orders, none));
                columns.put("orders_prev_" + days + "d", new NumberColumn(window.previousOrders, none));
                columns.put("monetary_" + days + "d", new NumberColumn(window.money, none));
                columns.put("monetary_prev_" + days + "d", new NumberColumn(window.previousMoney, none));
            }
        }
    }

    /** Purchases and net spend per customer in the last {@code days} days and in the {@code days} before those. */
    private static final class Window {
        final int days;
        final double[] orders;
        final double[] previousOrders;
        final double[] money;
        final double[] previousMoney;

        Window(int days, int n) {
            this.days = days;
            orders = new double[n];
            previousOrders = new double[n];
            money = new double[n];
            previousMoney = new double[n];
        }

        /** {@code age} = days between the order day and the as-of day (1 = the day before). */
        void add(int c, int age, double count, double amount) {
            if (age <= days) {
                orders[c] += count;
                money[c] += amount;
            } else if (age <= 2 * days) {
                previousOrders[c] += count;
                previousMoney[c] += amount;
            }
        }
    }

    /** Standard types first, then the others in order of appearance. */
    private static Set<String> eventTypes(EventColumns events) {
        Set<String> types = new LinkedHashSet<>(EventColumns.STANDARD_TYPES);
        types.addAll(events.typeNames());
        return types;
    }

    private static void addEventCounts(Map<String, Column> columns, EventColumns events, int n, int asOfDay) {
        List<String> typeNames = events.typeNames();
        List<String> types = new ArrayList<>(eventTypes(events));
        int[] columnOfCode = new int[typeNames.size()];
        for (int code = 0; code < typeNames.size(); code++) {
            columnOfCode[code] = types.indexOf(typeNames.get(code));
        }
        int windows = StandardFeatures.WINDOWS.length;
        double[][] counts = new double[types.size() * windows][n];
        int[] customer = events.customer();
        int[] day = events.epochDay();
        int[] type = events.type();
        for (int i = 0; i < events.size(); i++) {
            int age = asOfDay - day[i];
            if (age <= 0) {
                continue;
            }
            int base = columnOfCode[type[i]] * windows;
            for (int w = 0; w < windows; w++) {
                if (age <= StandardFeatures.WINDOWS[w]) {
                    counts[base + w][customer[i]]++;
                }
            }
        }
        for (int t = 0; t < types.size(); t++) {
            for (int w = 0; w < windows; w++) {
                FeatureDefinition definition = StandardFeatures.eventCount(types.get(t), StandardFeatures.WINDOWS[w]);
                columns.put(definition.name(), new NumberColumn(counts[t * windows + w], new BitSet()));
            }
        }
    }

    private static void addAttributes(Map<String, Column> columns, CustomerColumns customers, int n) {
        columns.put("region", attributeColumn(customers, Attribute.REGION, n));
        columns.put("industry", attributeColumn(customers, Attribute.INDUSTRY, n));
        columns.put("owner", attributeColumn(customers, Attribute.OWNER, n));
        columns.put("customer_type", attributeColumn(customers, Attribute.TYPE, n));
        Map<String, BitSet> tags = new LinkedHashMap<>();
        customers.tags().forEach((tag, rows) -> tags.put(tag, (BitSet) rows.clone()));
        columns.put("tags", new TagColumn(n, tags));
        customers.customFields().forEach((field, values) -> {
            String[] padded = Arrays.copyOf(values, n);
            boolean numeric = allNumbers(values);
            String name = StandardFeatures.customField(field, numeric ? FeatureType.NUMBER : FeatureType.TEXT).name();
            columns.put(name, numeric ? numberColumn(padded) : new TextColumn(padded));
        });
    }

    private static TextColumn attributeColumn(CustomerColumns customers, Attribute attribute, int n) {
        String[] values = new String[n];
        for (int c = 0; c < n; c++) {
            values[c] = customers.attribute(attribute, c);
        }
        return new TextColumn(values);
    }

    /** A custom field is a number when it has values and every one of them reads as a number. */
    private static boolean allNumbers(String[] values) {
        boolean any = false;
        for (String value : values) {
            if (value != null) {
                if (!Amounts.isAmount(value)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static NumberColumn numberColumn(String[] texts) {
        double[] values = new double[texts.length];
        BitSet nulls = new BitSet();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null) {
                nulls.set(i);
            } else {
                values[i] = Amounts.parse(texts[i]);
            }
        }
        return new NumberColumn(values, nulls);
    }
}
