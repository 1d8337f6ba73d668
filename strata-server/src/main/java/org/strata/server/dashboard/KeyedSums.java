package org.strata.server.dashboard;

import java.util.Arrays;

/**
 * A count and a sum of cents per non-negative long key, without an object per key or per addition: the aggregates of
 * {@link OrderFiguresFromLoad} take millions of additions into some ten thousand keys.
 */
final class KeyedSums {

    private static final long EMPTY = -1;

    private long[] keys = emptyKeys(1 << 10);
    private long[] counts = new long[1 << 10];
    private long[] cents = new long[1 << 10];
    private int size;

    /** Adds one to the key's count and {@code amount} to its cents. */
    void add(long key, long amount) {
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            if (size * 2 >= keys.length) {
                grow();
                slot = slotOf(key);
            }
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
        cents[slot] = Math.addExact(cents[slot], amount);
    }

    /** What is summed, one call per key in no particular order. */
    void forEach(Sums sums) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                sums.accept(keys[slot], counts[slot], cents[slot]);
            }
        }
    }

    int size() {
        return size;
    }

    interface Sums {
        void accept(long key, long count, long cents);
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        long[] oldCents = cents;
        keys = emptyKeys(oldKeys.length * 2);
        counts = new long[oldKeys.length * 2];
        cents = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
                cents[slot] = oldCents[i];
            }
        }
    }

    private static long[] emptyKeys(int capacity) {
        long[] keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        return keys;
    }
}
