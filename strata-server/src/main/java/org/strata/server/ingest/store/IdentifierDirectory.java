package org.strata.server.ingest.store;

import java.util.Arrays;

/**
 * The stored identifiers of one kind and namespace (e.g. the external ids of source "shop"), each with its customer
 * and origin customer, held in memory so that a bulk load of orders can name each order's customer while copying it.
 * A million identifiers take about 40 MB: an open-addressing table of entry numbers, the customers in two long
 * arrays, and the values' characters one after the other in a single array (a map of strings would need about four
 * times that). Values are compared character by character, never by a hash alone, so a lookup finds exactly the
 * identifier a join on {@code id_value} would (the key columns compare bytes, {@code COLLATE "C"}, and equal UTF-8
 * bytes are equal strings).
 */
final class IdentifierDirectory {

    static final int NOT_FOUND = -1;

    /** Entry number + 1 per slot; 0 is an empty slot. At most half full. */
    private int[] slots = new int[1 << 10];
    private long[] customers = new long[256];
    private long[] origins = new long[256];
    /** Entry i's value is {@code characters[starts[i] .. starts[i + 1])}. */
    private int[] starts = new int[257];
    private char[] characters = new char[4096];
    private int size;

    int size() {
        return size;
    }

    /** Adds an identifier; values are unique within a kind and namespace (customer_identifiers_key). */
    void add(String value, long customer, long origin) {
        if (size * 2 >= slots.length) {
            rehash(slots.length * 2);
        }
        if (size + 1 >= customers.length) {
            customers = Arrays.copyOf(customers, customers.length * 2);
            origins = Arrays.copyOf(origins, origins.length * 2);
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int start = starts[size];
        if (start + value.length() > characters.length) {
            characters = Arrays.copyOf(characters, Math.max(characters.length * 2, start + value.length()));
        }
        value.getChars(0, value.length(), characters, start);
        customers[size] = customer;
        origins[size] = origin;
        starts[size + 1] = start + value.length();
        place(slots, size, hash(value));
        size++;
    }

    /** @return the entry of the value, or {@link #NOT_FOUND} */
    int find(String value) {
        int mask = slots.length - 1;
        for (int slot = hash(value) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (holds(entry, value)) {
                return entry;
            }
        }
        return NOT_FOUND;
    }

    long customer(int entry) {
        return customers[entry];
    }

    long origin(int entry) {
        return origins[entry];
    }

    /** Heap bytes per identifier of about this length, for a budget decided before loading. */
    static long bytesPerIdentifier(int valueLength) {
        // slot table at most half full (2 x 4), customer and origin (16), start (4), characters (2 each)
        return 28L + 2L * valueLength;
    }

    private boolean holds(int entry, String value) {
        int start = starts[entry];
        if (starts[entry + 1] - start != value.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (characters[start + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash(int capacity) {
        int[] bigger = new int[capacity];
        for (int entry = 0; entry < size; entry++) {
            place(bigger, entry, hash(starts[entry], starts[entry + 1]));
        }
        slots = bigger;
    }

    private static void place(int[] table, int entry, int hash) {
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry + 1;
    }

    /** String's own hash, spread: values such as "C1", "C2" ... differ in their last characters only. */
    private static int hash(String value) {
        return spread(value.hashCode());
    }

    private int hash(int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + characters[i];
        }
        return spread(h);
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
