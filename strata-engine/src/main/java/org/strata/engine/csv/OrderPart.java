package org.strata.engine.csv;

import java.util.Arrays;

/**
 * Orders read from one part of a file, in growing primitive arrays, with customers numbered by the part's
 * {@link ByteIdTable}. Consecutive rows of the same order (same order id and customer, as in line-item exports) are
 * added up into one order.
 */
final class OrderPart {

    final ByteIdTable ids;
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
    }

    void add(int customerId, boolean sameOrderAsPrevious, int epochDay, double amount, double cost, double refund,
             byte status) {
        if (sameOrderAsPrevious && size > 0 && customer[size - 1] == customerId) {
            this.amount[size - 1] += amount;
            this.cost[size - 1] += cost;
            this.refund[size - 1] += refund;
            return;
        }
        if (size == customer.length) {
            ensureCapacity(size + (size >> 1) + 16);
        }
        this.customer[size] = customerId;
        this.day[size] = epochDay;
        this.amount[size] = amount;
        this.cost[size] = cost;
        this.refund[size] = refund;
        this.status[size] = status;
        size++;
    }

    void ensureCapacity(int capacity) {
        if (capacity <= customer.length) {
            return;
        }
        customer = Arrays.copyOf(customer, capacity);
        day = Arrays.copyOf(day, capacity);
        amount = Arrays.copyOf(amount, capacity);
        cost = Arrays.copyOf(cost, capacity);
        refund = Arrays.copyOf(refund, capacity);
        status = Arrays.copyOf(status, capacity);
    }
}
