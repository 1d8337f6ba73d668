package org.strata.server.quality;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quality figures count of a load's orders, per customer and source: how many orders, and how many with an
 * amount of zero or less (what {@code QualityStatements}' orders rows hold), counted while a first load copies them
 * instead of grouping three million stored orders afterwards. Also how many orders were seen in all, how many of no
 * customer, and the latest order date, which say whether the rare findings (orders of nobody, non-positive amounts,
 * future dates) need looking for in the stored orders at all.
 * <p>
 * Compact: a customer and the index of its source are packed into one {@code long} key of an open-addressing table
 * with an {@code int} count beside it, about 24 bytes per customer and source at most; the non-positive counts get
 * their own array only when the first such order comes. Customer ids beyond {@value #CUSTOMER_BITS} bits or more than
 * {@value #MAX_SOURCES} sources do not fit: the counts are then {@link #usable() unusable} and the rebuild reads the
 * orders as it always did.
 */
final class OrderCounts {

    static final int CUSTOMER_BITS = 55;
    static final int MAX_SOURCES = 1 << (63 - CUSTOMER_BITS);
    private static final long EMPTY = -1;

    private final Map<String, Integer> sourceIndexes = new HashMap<>();
    private final List<String> sources = new ArrayList<>();
    private long[] keys = emptyKeys(1 << 12);
    private int[] orders = new int[1 << 12];
    private int[] nonPositive;
    private int size;
    private long seen;
    private long ofNobody;
    private long nonPositiveSeen;
    private OffsetDateTime latest;
    private boolean usable = true;

    /** Counts one order as it is stored ({@code customer} null: an order of no known customer yet). */
    void add(Long customer, String source, boolean amountNotPositive, OffsetDateTime orderedAt) {
        seen++;
        if (latest == null || orderedAt.isAfter(latest)) {
            latest = orderedAt;
        }
        if (amountNotPositive) {
            nonPositiveSeen++;
        }
        if (customer == null) {
            ofNobody++;
            return;
        }
        if (!usable) {
            return;
        }
        Integer sourceIndex = sourceIndexes.get(source);
        if (sourceIndex == null) {
            if (sources.size() == MAX_SOURCES) {
                giveUp();
                return;
            }
            sourceIndex = sources.size();
            sources.add(source);
            sourceIndexes.put(source, sourceIndex);
        }
        if (customer < 0 || customer >= 1L << CUSTOMER_BITS) {
            giveUp();
            return;
        }
        int slot = slotOf(firstKeyOf(customer) | sourceIndex);
        orders[slot]++;
        if (amountNotPositive) {
            if (nonPositive == null) {
                nonPositive = new int[keys.length];
            }
            nonPositive[slot]++;
        }
    }

    /** Whether the counts hold every order seen with a customer (false: an id or a source did not fit). */
    boolean usable() {
        return usable;
    }

    long seen() {
        return seen;
    }

    long ofNobody() {
        return ofNobody;
    }

    long nonPositiveSeen() {
        return nonPositiveSeen;
    }

    /** The latest order date seen, null when no order was. */
    OffsetDateTime latest() {
        return latest;
    }

    /** The counted customer-and-source pairs ordered by customer, then source (see {@link #customerOf}). */
    long[] sortedKeys() {
        long[] sorted = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                sorted[n++] = key;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** The smallest key of the customer: its pairs are those from here while {@link #customerOf} is the customer. */
    static long firstKeyOf(long customer) {
        return customer << (63 - CUSTOMER_BITS);
    }

    static long customerOf(long key) {
        return key >>> (63 - CUSTOMER_BITS);
    }

    String sourceOf(long key) {
        return sources.get((int) (key & (MAX_SOURCES - 1)));
    }

    int ordersOf(long key) {
        return orders[find(key)];
    }

    int nonPositiveOf(long key) {
        return nonPositive == null ? 0 : nonPositive[find(key)];
    }

    private void giveUp() {
        usable = false;
        keys = emptyKeys(1);
        orders = new int[1];
        nonPositive = null;
        size = 0;
    }

    /** The slot of the key, taken for it when new. */
    private int slotOf(long key) {
        int slot = find(key);
        if (keys[slot] == key) {
            return slot;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            slot = find(key);
        }
        keys[slot] = key;
        size++;
        return slot;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int find(long key) {
        int mask = keys.length - 1;
        // the high bits of the product mix every bit of the key (its low bits are the source's index)
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldOrders = orders;
        int[] oldNonPositive = nonPositive;
        keys = emptyKeys(oldKeys.length * 2);
        orders = new int[keys.length];
        nonPositive = oldNonPositive == null ? null : new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                orders[slot] = oldOrders[i];
                if (nonPositive != null) {
                    nonPositive[slot] = oldNonPositive[i];
                }
            }
        }
    }

    private static long[] emptyKeys(int capacity) {
        long[] empty = new long[capacity];
        Arrays.fill(empty, EMPTY);
        return empty;
    }
}
