package org.strata.server.customer;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import org.strata.server.sql.PostgresDialect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The order figures of customer_figures (count, total spent, first and last order; see V12) summed up in memory over
 * the orders a bulk load copies, per customer the order names: a first load knows every order as it copies it, and
 * reading three million orders back to aggregate them cost more than the load's copying did. Amounts are summed as the
 * stored NUMERIC(18, 2) values (rounded half away from zero, as the column rounds them) and times as the stored
 * microseconds, so the sums are exactly those of an aggregate over the stored orders. About 50 bytes per customer.
 */
public final class OrderFigureSums {

    private static final int NEW = -1;

    /** Each customer's entry number: the figures are arrays indexed by it. */
    private final Long2IntOpenHashMap entries = new Long2IntOpenHashMap();
    private int[] counts = new int[1 << 11];
    private long[] spentCents = new long[1 << 11];
    private long[] firstMicros = new long[1 << 11];
    private long[] lastMicros = new long[1 << 11];
    /**
     * The last customer summed and its entry: the orders of a file mostly come customer by customer, and the tables
     * are too large for the processor's caches, so a repeated customer costs no lookup.
     */
    private long lastCustomer;
    private int lastEntry = NEW;

    public OrderFigureSums() {
        entries.defaultReturnValue(NEW);
    }

    /** Counts an order of the customer when its status counts (completed or partially refunded). */
    public void add(long customer, String status, BigDecimal amount, BigDecimal refund, OffsetDateTime orderedAt) {
        if (!CustomerStatsRefresher.counts(status)) {
            return;
        }
        long net = Math.subtractExact(cents(amount), cents(refund));
        long micros = PostgresDialect.storedMicros(orderedAt);
        int entry = entryOf(customer);
        counts[entry]++;
        spentCents[entry] = Math.addExact(spentCents[entry], net);
        firstMicros[entry] = Math.min(firstMicros[entry], micros);
        lastMicros[entry] = Math.max(lastMicros[entry], micros);
    }

    /** How many customers have at least one counted order. */
    public int customers() {
        return entries.size();
    }

    /** The figures of a customer without a counted order are zero and no times ({@link Figures#NONE}). */
    Figures of(long customer) {
        int entry = entries.get(customer);
        if (entry == NEW) {
            return Figures.NONE;
        }
        return new Figures(counts[entry], BigDecimal.valueOf(spentCents[entry], 2),
                PostgresDialect.fromStoredMicros(firstMicros[entry]), PostgresDialect.fromStoredMicros(lastMicros[entry]));
    }

    record Figures(int count, BigDecimal spent, OffsetDateTime first, OffsetDateTime last) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2), null, null);
    }

    /** An amount in cents as NUMERIC(18, 2) stores it (rounded half away from zero). */
    public static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private int entryOf(long customer) {
        if (customer != lastCustomer || lastEntry == NEW) {
            lastCustomer = customer;
            lastEntry = entryOfAny(customer);
        }
        return lastEntry;
    }

    private int entryOfAny(long customer) {
        int entry = entries.putIfAbsent(customer, entries.size());
        if (entry != NEW) {
            return entry;
        }
        entry = entries.size() - 1;
        if (entry == counts.length) {
            int capacity = counts.length * 2;
            counts = Arrays.copyOf(counts, capacity);
            spentCents = Arrays.copyOf(spentCents, capacity);
            firstMicros = Arrays.copyOf(firstMicros, capacity);
            lastMicros = Arrays.copyOf(lastMicros, capacity);
        }
        firstMicros[entry] = Long.MAX_VALUE;
        lastMicros[entry] = Long.MIN_VALUE;
        return entry;
    }
}
