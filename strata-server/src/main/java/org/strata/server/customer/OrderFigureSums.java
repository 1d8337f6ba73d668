package org.strata.server.customer;

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

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = emptySlots(1 << 12);
    private int[] entries = new int[1 << 12];
    private int[] counts = new int[1 << 11];
    private long[] spentCents = new long[1 << 11];
    private long[] firstMicros = new long[1 << 11];
    private long[] lastMicros = new long[1 << 11];
    private int size;
    /**
     * The last customer summed and its entry: the orders of a file mostly come customer by customer, and the tables
     * are too large for the processor's caches, so a repeated customer costs no lookup.
     */
    private long lastCustomer;
    private int lastEntry;

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
        return size;
    }

    /** The figures of a customer without a counted order are zero and no times ({@link Figures#NONE}). */
    Figures of(long customer) {
        int slot = find(customer);
        if (slot < 0) {
            return Figures.NONE;
        }
        int entry = entries[slot];
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
        if (customer == lastCustomer && size > 0) {
            return lastEntry;
        }
        lastCustomer = customer;
        lastEntry = entryOfAny(customer);
        return lastEntry;
    }

    private int entryOfAny(long customer) {
        int slot = find(customer);
        if (slot >= 0) {
            return entries[slot];
        }
        if (size * 2 >= slots.length) {
            grow();
            slot = find(customer);
        }
        if (size == counts.length) {
            int capacity = counts.length * 2;
            counts = Arrays.copyOf(counts, capacity);
            spentCents = Arrays.copyOf(spentCents, capacity);
            firstMicros = Arrays.copyOf(firstMicros, capacity);
            lastMicros = Arrays.copyOf(lastMicros, capacity);
        }
        int entry = size++;
        slot = -slot - 1;
        slots[slot] = customer;
        entries[slot] = entry;
        firstMicros[entry] = Long.MAX_VALUE;
        lastMicros[entry] = Long.MIN_VALUE;
        return entry;
    }

    /** @return the slot holding the customer, or -(the empty slot where it would go) - 1 */
    private int find(long customer) {
        int mask = slots.length - 1;
        int slot = spread(customer) & mask;
        while (slots[slot] != EMPTY) {
            if (slots[slot] == customer) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -slot - 1;
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldEntries = entries;
        slots = emptySlots(oldSlots.length * 2);
        entries = new int[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != EMPTY) {
                int slot = -find(oldSlots[i]) - 1;
                slots[slot] = oldSlots[i];
                entries[slot] = oldEntries[i];
            }
        }
    }

    private static long[] emptySlots(int capacity) {
        long[] slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
