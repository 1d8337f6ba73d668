package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Customer ids as raw bytes -> dense ints 0..n-1 in order of first appearance: an open-addressing hash table over a
 * byte arena, so reading millions of order rows creates no String and no boxed Integer per row. A slot packs the
 * id's hash with the id, so a probe costs one memory access unless the hashes match.
 */
final class ByteIdTable {

    private byte[] arena;
    private int arenaUsed;
    private int[] start;
    private int size;
    /** (hash << 32) | (id + 1); 0 = empty; negative low half: reserved while {@link #absorb} runs. */
    private long[] slots;
    private int mask;

    ByteIdTable(int expectedIds) {
        // the smallest power of two that keeps the expected ids at a load of at most one half
        int capacity = Integer.highestOneBit(Math.max(512, expectedIds) * 2 - 1) * 2;
        slots = new long[capacity];
        mask = capacity - 1;
        start = new int[Math.max(1024, expectedIds) + 2];
        // room for ids of up to 8 bytes: growing by doubling would allocate (and zero) twice the final arena
        arena = new byte[Math.max(1 << 16, expectedIds * 8)];
    }

    int size() {
        return size;
    }

    /** The id of bytes {@code [from, to)} of {@code b}, adding it when new. */
    int getOrAdd(byte[] b, int from, int to) {
        return getOrAdd(b, from, to, hash(b, from, to));
    }

    /** {@link #getOrAdd(byte[], int, int)} with the id's {@link #hash}, already computed. */
    int getOrAdd(byte[] b, int from, int to, int h) {
        int slot = h & mask;
        for (long v; (v = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if ((int) (v >>> 32) == h) {
                int id = (int) v - 1;
                if (Arrays.equals(arena, start[id], start[id + 1], b, from, to)) {
                    return id;
                }
            }
        }
        int id = append(b, from, to);
        slots[slot] = ((long) h << 32) | (id + 1L);
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    int getOrAdd(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return getOrAdd(bytes, 0, bytes.length);
    }

    /**
     * Adds the ids of {@code other}: those new to this table get the next ids, in {@code other}'s order. Returns for
     * each id of {@code other} its id here.
     *
     * <p>Looking the ids up one by one would miss the cache once per id (the slots are tens of MB). Both tables use
     * the same hash and power-of-two capacities, so an id's home slot here follows from its slot in {@code other}:
     * walking {@code other}'s slots in order reads this table's slots in a few sequential streams. New ids first
     * reserve their slot (marked with {@code -(otherId + 1)}), get their ids in {@code other}'s order, and a last
     * sequential walk writes those ids into the reserved slots.
     */
    int[] absorb(ByteIdTable other) {
        while ((long) (size + other.size) * 2 > slots.length) {
            rehash();
        }
        // at most all of other's ids are new: make room once
        if (arenaUsed + other.arenaUsed > arena.length) {
            arena = Arrays.copyOf(arena, arenaUsed + other.arenaUsed);
        }
        if (size + other.size + 2 > start.length) {
            start = Arrays.copyOf(start, size + other.size + 2);
        }
        int[] renumber = new int[other.size];
        for (long v : other.slots) {
            if (v == 0) {
                continue;
            }
            int h = (int) (v >>> 32);
            int otherId = (int) v - 1;
            int from = other.start[otherId];
            int to = other.start[otherId + 1];
            int slot = h & mask;
            int found = -1;
            for (long w; (w = slots[slot]) != 0; slot = (slot + 1) & mask) {
                int id = (int) w - 1;
                // reserved slots (negative) hold other ids of other, which are distinct from this one
                if ((int) (w >>> 32) == h && id >= 0 && Arrays.equals(arena, start[id], start[id + 1], other.arena,
                        from, to)) {
                    found = id;
                    break;
                }
            }
            if (found < 0) {
                slots[slot] = ((long) h << 32) | ((-(otherId + 1)) & 0xffffffffL);
            }
            renumber[otherId] = found;
        }
        boolean added = false;
        for (int otherId = 0; otherId < renumber.length; otherId++) {
            if (renumber[otherId] < 0) {
                renumber[otherId] = append(other.arena, other.start[otherId], other.start[otherId + 1]);
                added = true;
            }
        }
        if (added) {
            for (int slot = 0; slot < slots.length; slot++) {
                long w = slots[slot];
                if ((int) w < 0) {
                    int otherId = -(int) w - 1;
                    slots[slot] = (w & 0xffffffff00000000L) | (renumber[otherId] + 1L);
                }
            }
        }
        return renumber;
    }

    String idString(int id) {
        return new String(arena, start[id], start[id + 1] - start[id], StandardCharsets.UTF_8);
    }

    private int append(byte[] b, int from, int to) {
        int length = to - from;
        if (arenaUsed + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
        }
        System.arraycopy(b, from, arena, arenaUsed, length);
        arenaUsed += length;
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        start[size + 1] = arenaUsed;
        return size++;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int slot = (int) (v >>> 32) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = v;
            }
        }
    }

    /** The slot where the lookup of an id of hash {@code h} starts (loaded early so the lookup finds it cached). */
    long slotOf(int h) {
        return slots[h & mask];
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        // spread the bits: ids like C1..C1000000 differ mostly in their last bytes
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
