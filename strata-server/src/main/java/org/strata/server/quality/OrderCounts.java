package org.strata.server.quality;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
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
 * Compact: a customer and the index of its source are packed into one {@code long} key, numbered in a primitive hash
 * table, with the counts in arrays indexed by that number, about 40 bytes per customer and source at most; the
 * non-positive counts get their own array only when the first such order comes. Customer ids beyond
 * {@value #CUSTOMER_BITS} bits or more than {@value #MAX_SOURCES} sources do not fit: the counts are then
 * {@link #usable() unusable} and the rebuild reads the orders as it always did.
 */
final class OrderCounts {

    static final int CUSTOMER_BITS = 55;
    static final int MAX_SOURCES = 1 << (63 - CUSTOMER_BITS);
    private static final int NEW = -1;

    private final Map<String, Integer> sourceIndexes = new HashMap<>();
    private final List<String> sources = new ArrayList<>();
    /** Each key's entry number: the keys and counts are arrays indexed by it. */
    private Long2IntOpenHashMap entries = newEntries();
    private long[] keys = new long[1 << 12];
    private int[] orders = new int[1 << 12];
    private int[] nonPositive;
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
        int entry = entryOf(firstKeyOf(customer) | sourceIndex);
        orders[entry]++;
        if (amountNotPositive) {
            if (nonPositive == null) {
                nonPositive = new int[keys.length];
            }
            nonPositive[entry]++;
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
        long[] sorted = Arrays.copyOf(keys, entries.size());
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
        return orders[entries.get(key)];
    }

    int nonPositiveOf(long key) {
        return nonPositive == null ? 0 : nonPositive[entries.get(key)];
    }

    private void giveUp() {
        usable = false;
        entries = newEntries();
        keys = new long[1];
        orders = new int[1];
        nonPositive = null;
    }

    /** The key's entry, numbered when new. */
    private int entryOf(long key) {
        int entry = entries.putIfAbsent(key, entries.size());
        if (entry != NEW) {
            return entry;
        }
        entry = entries.size() - 1;
        if (entry == keys.length) {
            keys = Arrays.copyOf(keys, entry * 2);
            orders = Arrays.copyOf(orders, entry * 2);
            nonPositive = nonPositive == null ? null : Arrays.copyOf(nonPositive, entry * 2);
        }
        keys[entry] = key;
        return entry;
    }

    private static Long2IntOpenHashMap newEntries() {
        Long2IntOpenHashMap entries = new Long2IntOpenHashMap();
        entries.defaultReturnValue(NEW);
        return entries;
    }
}
