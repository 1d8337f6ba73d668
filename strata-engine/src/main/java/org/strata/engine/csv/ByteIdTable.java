package org.strata.engine.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Customer ids as raw bytes -> dense ints 0..n-1 in order of first appearance: an open-addressing hash table over a
 * byte arena, so reading millions of order rows creates no String and no boxed Integer per row.
 */
final class ByteIdTable {

    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] start = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int size;
    private int[] slots;
    private int mask;

    ByteIdTable(int expectedIds) {
        int capacity = Integer.highestOneBit(Math.max(1024, expectedIds) * 2) * 2;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The id of bytes {@code [from, to)} of {@code b}, adding it when new. */
    int getOrAdd(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int slot = h & mask;
        for (int v; (v = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int id = v - 1;
            if (hashes[id] == h && Arrays.equals(arena, start[id], start[id + 1], b, from, to)) {
                return id;
            }
        }
        int id = append(b, from, to, h);
        slots[slot] = id + 1;
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

    private int append(byte[] b, int from, int to, int h) {
        int length = to - from;
        if (arenaUsed + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
        }
        System.arraycopy(b, from, arena, arenaUsed, length);
        arenaUsed += length;
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        hashes[size] = h;
        start[size + 1] = arenaUsed;
        return size++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
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
