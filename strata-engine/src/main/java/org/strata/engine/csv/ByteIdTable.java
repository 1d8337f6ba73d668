package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Customer ids as raw bytes -> dense ints 0..n-1 in order of first appearance: an open-addressing hash table over a
 * byte arena, so reading millions of order rows creates no String and no boxed Integer per row. A slot packs the
 * id's hash with the id, so a probe costs one memory access unless the hashes match.
 */
final class ByteIdTable {

    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] start = new int[1 << 10];
    private int size;
    /** (hash << 32) | (id + 1); 0 = empty. */
    private long[] slots;
    private int mask;

    ByteIdTable(int expectedIds) {
        // the smallest power of two that keeps the expected ids at a load of at most one half
        int capacity = Integer.highestOneBit(Math.max(512, expectedIds) * 2 - 1) * 2;
        slots = new long[capacity];
        mask = capacity - 1;
        start = new int[Math.max(1024, expectedIds) + 2];
    }

    int size() {
        return size;
    }

    /** The id of bytes {@code [from, to)} of {@code b}, adding it when new. */
    int getOrAdd(byte[] b, int from, int to) {
        int h = hash(b, from, to);
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

    /** The id of another table's entry {@code id}, adding it when new. */
    int getOrAdd(ByteIdTable other, int id) {
        return getOrAdd(other.arena, other.start[id], other.start[id + 1]);
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

    private static int hash(byte[] b, int from, int to) {
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
