package org.strata.server.dashboard;

import java.util.Arrays;

/**
 * Realised orders and their net revenue in cents per customer and month, summed in memory while a first load copies
 * three million orders, for the rows of {@code dashboard_customer_months}: two longs per entry and no object per
 * order, in chunks that never need copying as they grow.
 *
 * <p>An entry's key is the customer id and the month (its offset from {@link MonthBuckets#FIRST_MONTH}), so that keys
 * sort by customer and then month; its value packs the order count and the cents. While collecting, an order of the
 * same customer and month as the entry before it is added to that entry (files grouped by customer and time, as most
 * exports are, make one entry per customer month), anything else appends an entry. {@link #group} then sorts the
 * entries where they are not in key order already and adds up the entries of each key, in place: afterwards entry
 * {@code i} is one row of the table, its neighbours the customer's previous and next months.
 *
 * <p>What does not fit the packing (a customer id above 2^52, a month outside the searched years, more than a million
 * orders or more than 87 billion yuan in a customer's month) makes {@link #add} or {@link #group} answer false: the
 * sums are then of no use and the figures are aggregated from the orders in SQL.
 */
final class CustomerMonthSums {

    private static final int MONTH_BITS = 11;
    private static final long MONTH_MASK = (1L << MONTH_BITS) - 1;
    /** Keys stay positive, so that they sort as signed longs. */
    private static final long MAX_CUSTOMER = (1L << (63 - MONTH_BITS)) - 1;
    private static final int COUNT_BITS = 20;
    private static final long MAX_COUNT = (1L << COUNT_BITS) - 1;
    /** The cents are the upper 44 bits of a value, signed. */
    private static final long CENTS_LIMIT = 1L << (63 - COUNT_BITS);
    /** A value that cannot be the packing of a count and cents (those never have a zero count). */
    private static final long OVERFLOW = 0;

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK - 1;
    /** Below this many entries a range is sorted by insertion. */
    private static final int INSERTION_SORT = 24;

    static {
        // every month number of the searched years fits the key
        assert MonthBuckets.END_MONTH - MonthBuckets.FIRST_MONTH <= MONTH_MASK;
    }

    private long[][] keys = new long[16][];
    private long[][] values = new long[16][];
    private int size;
    private boolean inKeyOrder = true;

    /**
     * Counts one realised order of {@code customer} in month number {@code month} with its net revenue.
     *
     * @return false when the order does not fit: these sums no longer stand for the orders
     */
    boolean add(long customer, int month, long cents) {
        if (customer < 0 || customer > MAX_CUSTOMER || month < MonthBuckets.FIRST_MONTH
                || month >= MonthBuckets.END_MONTH) {
            return false;
        }
        long key = customer << MONTH_BITS | (month - MonthBuckets.FIRST_MONTH);
        if (size > 0) {
            long lastKey = key(size - 1);
            if (lastKey == key) {
                long sum = plus(value(size - 1), 1, cents);
                if (sum != OVERFLOW) {
                    values[(size - 1) >>> CHUNK_BITS][(size - 1) & CHUNK_MASK] = sum;
                    return true;
                }
            } else if (key < lastKey) {
                inKeyOrder = false;
            }
        }
        long value = pack(1, cents);
        if (value == OVERFLOW) {
            return false;
        }
        append(key, value);
        return true;
    }

    /**
     * Moves the months of absorbed customers to their survivors, puts the entries in key order and adds up those of
     * the same key, so that each entry is one customer month.
     *
     * @param absorbed   the absorbed customers' ids, ascending
     * @param survivors  {@code survivors[i]} the customer {@code absorbed[i]} was merged into
     * @return false when a sum does not fit (see the class comment)
     */
    boolean group(long[] absorbed, long[] survivors) {
        if (absorbed.length > 0) {
            for (int i = 0; i < size; i++) {
                long key = key(i);
                int at = Arrays.binarySearch(absorbed, key >>> MONTH_BITS);
                if (at >= 0) {
                    if (survivors[at] < 0 || survivors[at] > MAX_CUSTOMER) {
                        return false;
                    }
                    keys[i >>> CHUNK_BITS][i & CHUNK_MASK] = survivors[at] << MONTH_BITS | (key & MONTH_MASK);
                    inKeyOrder = false;
                }
            }
        }
        if (!inKeyOrder) {
            sort(0, size);
            inKeyOrder = true;
        }
        int written = 0;
        for (int i = 0; i < size; i++) {
            long key = key(i);
            long value = value(i);
            if (written > 0 && key(written - 1) == key) {
                long sum = plus(value(written - 1), orders(value), cents(value));
                if (sum == OVERFLOW) {
                    return false;
                }
                values[(written - 1) >>> CHUNK_BITS][(written - 1) & CHUNK_MASK] = sum;
            } else {
                set(written++, key, value);
            }
        }
        size = written;
        for (int chunk = (size + CHUNK - 1) >>> CHUNK_BITS; chunk < keys.length; chunk++) {
            keys[chunk] = null;
            values[chunk] = null;
        }
        return true;
    }

    /** Entries: orders seen while collecting, customer months after {@link #group}. */
    int size() {
        return size;
    }

    long customer(int i) {
        return key(i) >>> MONTH_BITS;
    }

    int month(int i) {
        return MonthBuckets.FIRST_MONTH + monthOffset(i);
    }

    /** The month after {@link MonthBuckets#FIRST_MONTH}: less than 2^11. */
    int monthOffset(int i) {
        return (int) (key(i) & MONTH_MASK);
    }

    int orders(int i) {
        return orders(value(i));
    }

    long cents(int i) {
        return cents(value(i));
    }

    /** After {@link #group}: the customer's month with orders before entry {@code i}'s, or null. */
    Integer previousMonth(int i) {
        return i > 0 && customer(i - 1) == customer(i) ? month(i - 1) : null;
    }

    /** After {@link #group}: the customer's month with orders after entry {@code i}'s, or null. */
    Integer nextMonth(int i) {
        return i + 1 < size && customer(i + 1) == customer(i) ? month(i + 1) : null;
    }

    private static long pack(long orders, long cents) {
        if (orders <= 0 || orders > MAX_COUNT || cents >= CENTS_LIMIT || cents < -CENTS_LIMIT) {
            return OVERFLOW;
        }
        return cents << COUNT_BITS | orders;
    }

    private static long plus(long value, long orders, long cents) {
        return pack(orders(value) + orders, cents(value) + cents);
    }

    private static int orders(long value) {
        return (int) (value & MAX_COUNT);
    }

    private static long cents(long value) {
        return value >> COUNT_BITS;
    }

    private long key(int i) {
        return keys[i >>> CHUNK_BITS][i & CHUNK_MASK];
    }

    private long value(int i) {
        return values[i >>> CHUNK_BITS][i & CHUNK_MASK];
    }

    private void set(int i, long key, long value) {
        keys[i >>> CHUNK_BITS][i & CHUNK_MASK] = key;
        values[i >>> CHUNK_BITS][i & CHUNK_MASK] = value;
    }

    private void append(long key, long value) {
        int chunk = size >>> CHUNK_BITS;
        if (chunk == keys.length) {
            // only the arrays of chunk references grow
            keys = Arrays.copyOf(keys, chunk * 2);
            values = Arrays.copyOf(values, chunk * 2);
        }
        if (keys[chunk] == null) {
            keys[chunk] = new long[CHUNK];
            values[chunk] = new long[CHUNK];
        }
        set(size++, key, value);
    }

    private void swap(int i, int j) {
        long key = key(i);
        long value = value(i);
        set(i, key(j), value(j));
        set(j, key, value);
    }

    /**
     * Introsort of the entries {@code from} to {@code to} (exclusive) by key, in place: quicksort with the smaller side
     * recursed, and heapsort for a range that quicksort has split more than {@code 2 log2 n} times. The fallback is
     * not theoretical: the keys are in order but for the few entries of absorbed customers, moved to their survivors,
     * and where the survivors come later in the file than the customers they absorbed, median-of-three partitions of
     * such input split off a handful of entries at a time (14.6 s for 2.4 million entries instead of 0.2 s).
     */
    private void sort(int from, int to) {
        sort(from, to, 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))));
    }

    private void sort(int from, int to, int depth) {
        while (to - from > INSERTION_SORT) {
            if (depth-- == 0) {
                heapSort(from, to);
                return;
            }
            long pivot = medianOf(key(from), key((from + to) >>> 1), key(to - 1));
            int i = from - 1;
            int j = to;
            while (true) {
                do {
                    i++;
                } while (key(i) < pivot);
                do {
                    j--;
                } while (key(j) > pivot);
                if (i >= j) {
                    break;
                }
                swap(i, j);
            }
            // the pivot is one of three keys of the range, so both sides hold at least one entry
            if (j + 1 - from < to - j - 1) {
                sort(from, j + 1, depth);
                from = j + 1;
            } else {
                sort(j + 1, to, depth);
                to = j + 1;
            }
        }
        for (int i = from + 1; i < to; i++) {
            for (int j = i; j > from && key(j - 1) > key(j); j--) {
                swap(j - 1, j);
            }
        }
    }

    private void heapSort(int from, int to) {
        int n = to - from;
        for (int parent = n / 2 - 1; parent >= 0; parent--) {
            siftDown(from, parent, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(from, from + end);
            siftDown(from, 0, end);
        }
    }

    /** Sifts the heap entry {@code parent} (counted from {@code base}) down within the first {@code n} entries. */
    private void siftDown(int base, int parent, int n) {
        while (true) {
            int child = 2 * parent + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && key(base + child + 1) > key(base + child)) {
                child++;
            }
            if (key(base + parent) >= key(base + child)) {
                return;
            }
            swap(base + parent, base + child);
            parent = child;
        }
    }

    private static long medianOf(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
