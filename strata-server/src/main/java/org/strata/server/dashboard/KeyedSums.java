package org.strata.server.dashboard;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * A count and a sum of cents per long key, without an object per key or per addition: the aggregates of
 * {@link OrderFiguresFromLoad} take millions of additions into some ten thousand keys. Each key gets the next entry
 * number the first time it comes; the sums are arrays indexed by it, so an addition is one lookup.
 */
final class KeyedSums {

    private static final int NEW = -1;

    private final Long2IntOpenHashMap entries = new Long2IntOpenHashMap();
    private long[] keys = new long[1 << 10];
    private long[] counts = new long[1 << 10];
    private long[] cents = new long[1 << 10];

    KeyedSums() {
        entries.defaultReturnValue(NEW);
    }

    /** Adds one to the key's count and {@code amount} to its cents. */
    void add(long key, long amount) {
        int entry = entries.putIfAbsent(key, entries.size());
        if (entry == NEW) {
            entry = entries.size() - 1;
            if (entry == keys.length) {
                keys = Arrays.copyOf(keys, entry * 2);
                counts = Arrays.copyOf(counts, entry * 2);
                cents = Arrays.copyOf(cents, entry * 2);
            }
            keys[entry] = key;
        }
        counts[entry]++;
        cents[entry] = Math.addExact(cents[entry], amount);
    }

    /** What is summed, one call per key in the order the keys first came. */
    void forEach(Sums sums) {
        for (int entry = 0; entry < entries.size(); entry++) {
            sums.accept(keys[entry], counts[entry], cents[entry]);
        }
    }

    int size() {
        return entries.size();
    }

    interface Sums {
        void accept(long key, long count, long cents);
    }
}
