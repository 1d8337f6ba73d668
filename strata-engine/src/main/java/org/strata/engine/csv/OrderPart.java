package org.strata.engine.csv;

import java.util.Arrays;

/**
 * Orders read from one part of a file, in growing primitive arrays, with customers numbered by the part's
 * {@link ByteIdTable}. Consecutive rows of the same order (same order id and customer, as in line-item exports) are
 * added up into one order.
 */
final class OrderPart {

    final ByteIdTable ids;
    /**
     * Index of this part's first order in its arrays: the second half of a split file writes into the far end of the
     * first half's arrays ({@link #OrderPart(ByteIdTable, OrderPart, int)}), so joining them moves orders within one
     * set of arrays instead of filling a second set and copying it.
     */
    int base;
    /** Index this part must not write to: the start of a part sharing its arrays, else their length. */
    private int limit;
    int size;
    int[] customer;
    int[] day;
    double[] amount;
    double[] cost;
    double[] refund;
    byte[] status;
    long skippedWithoutCustomer;
    /** Lines this part spans (rows, blank lines), to number the lines of the part after it. */
    long lines;
    /** Order id of the first and last row (null without an order id column), to join an order split between parts. */
    byte[] firstOrderId;
    byte[] lastOrderId;

    OrderPart(ByteIdTable ids, int expectedOrders) {
        this.ids = ids;
        int capacity = Math.max(16, expectedOrders);
        customer = new int[capacity];
        day = new int[capacity];
        amount = new double[capacity];
        cost = new double[capacity];
        refund = new double[capacity];
        status = new byte[capacity];
        limit = capacity;
    }

    /**
     * A part writing into {@code host}'s arrays from index {@code base} on; {@code host} may then write only below
     * {@code base}. Either part moves to arrays of its own if it outgrows its share.
     */
    OrderPart(ByteIdTable ids, OrderPart host, int base) {
        this.ids = ids;
        this.base = base;
        customer = host.customer;
        day = host.day;
        amount = host.amount;
        cost = host.cost;
        refund = host.refund;
        status = host.status;
        limit = host.customer.length;
        host.limit = Math.min(host.limit, base);
    }

    /** Lets this part write up to the end of its arrays again, once the part that shared them has been read. */
    void releaseShare() {
        limit = customer.length;
    }

    void add(int customerId, boolean sameOrderAsPrevious, int epochDay, double amount, double cost, double refund,
             byte status) {
        int last = base + size - 1;
        if (sameOrderAsPrevious && size > 0 && customer[last] == customerId) {
            this.amount[last] += amount;
            this.cost[last] += cost;
            this.refund[last] += refund;
            return;
        }
        int at = base + size;
        if (at == limit) {
            ensureCapacity(size + (size >> 1) + 16);
            at = size;
        }
        this.customer[at] = customerId;
        this.day[at] = epochDay;
        this.amount[at] = amount;
        this.cost[at] = cost;
        this.refund[at] = refund;
        this.status[at] = status;
        size++;
    }

    /** Replaces provisional customer numbers ({@link PendingIds}) of the orders from {@code first} on. */
    void resolveCustomers(int first, int[] resolved) {
        for (int i = base + first; i < base + size; i++) {
            int c = customer[i];
            if (c < 0) {
                customer[i] = resolved[-c - 1];
            }
        }
    }

    /** Makes room for {@code capacity} orders, in arrays of its own (starting at index 0) when its share is short. */
    void ensureCapacity(int capacity) {
        if (base + capacity <= limit) {
            return;
        }
        customer = Arrays.copyOfRange(customer, base, base + capacity);
        day = Arrays.copyOfRange(day, base, base + capacity);
        amount = Arrays.copyOfRange(amount, base, base + capacity);
        cost = Arrays.copyOfRange(cost, base, base + capacity);
        refund = Arrays.copyOfRange(refund, base, base + capacity);
        status = Arrays.copyOfRange(status, base, base + capacity);
        base = 0;
        limit = capacity;
    }
}
