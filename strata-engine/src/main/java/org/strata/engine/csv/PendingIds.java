package org.strata.engine.csv;

/**
 * Customer ids of a run of rows waiting to be looked up in the {@link ByteIdTable} together. Looked up one by one as
 * the rows come, each new id waited for its own cache miss in the table (tens of MB, one miss per new customer); a
 * batch first loads all its slots, misses the processor overlaps, then looks the ids up in the cache.
 *
 * <p>Until the batch is resolved, a row's customer is a provisional number {@code -(index in the batch + 1)}; the ids
 * get their numbers in the order they were added, so ids stay numbered by first appearance in the file.
 */
final class PendingIds {

    /** A batch's slots (one cache line and one page each) stay in the caches and the TLB until the lookups. */
    static final int BATCH = 256;

    private final int[] hashes = new int[BATCH];
    private final int[] from = new int[BATCH];
    private final int[] to = new int[BATCH];
    private final int[] resolved = new int[BATCH];
    private int count;
    /** Where the slot loads go, so that they are not dropped as unused. */
    private long loaded;

    boolean isFull() {
        return count == BATCH;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds the id in bytes {@code [from, to)} of the current buffer; returns its provisional number. */
    int add(byte[] b, int from, int to) {
        hashes[count] = ByteIdTable.hash(b, from, to);
        this.from[count] = from;
        this.to[count] = to;
        count++;
        return -count;
    }

    /**
     * Looks the batch up in {@code ids} (adding the new ones) from buffer {@code b}, which must still hold the bytes
     * {@link #add} was given, and empties the batch. Returns the ids by provisional number: {@code -(p + 1)} -> index
     * {@code p}.
     */
    int[] resolve(ByteIdTable ids, byte[] b) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ids.slotOf(hashes[i]);
        }
        loaded += sum;
        for (int i = 0; i < count; i++) {
            resolved[i] = ids.getOrAdd(b, from[i], to[i], hashes[i]);
        }
        count = 0;
        return resolved;
    }
}
