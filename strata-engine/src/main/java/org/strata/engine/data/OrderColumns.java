package org.strata.engine.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Orders column by column: order {@code i} belongs to customer row {@code customer[i]} of a {@link CustomerIndex}, was
 * placed on calendar day {@code epochDay[i]} (days since 1970-01-01 in the business time zone) and so on. Arrays are
 * shared, not copied: treat them as read-only.
 *
 * <p>Definitions (see {@link OrderStatus} for which statuses are purchases):
 * <ul>
 *   <li>{@code amount}: the order's gross value in CNY; for a {@link OrderStatus#RETURN} row it is 0.</li>
 *   <li>{@code refund}: the value given back (0 when none); net value of a purchase = amount - refund; for a return
 *       row the refund is the value returned.</li>
 *   <li>{@code cost}: cost of goods for the order, {@code NaN} when unknown.</li>
 *   <li>Several orders on the same day are separate purchases for {@code frequency} and the order counts, and one
 *       purchase day for the interval between purchases.</li>
 *   <li>Only the day of an order is kept, in {@link #zone()}: features are computed per calendar day, so the time of
 *       day never matters.</li>
 * </ul>
 */
public final class OrderColumns {

    /** The business time zone of Strata unless configured otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final int size;
    private final int[] customer;
    private final int[] epochDay;
    private final double[] amount;
    private final double[] cost;
    private final double[] refund;
    private final byte[] status;

    public OrderColumns(ZoneId zone, int size, int[] customer, int[] epochDay, double[] amount, double[] cost, double[] refund,
                        byte[] status) {
        for (int length : new int[] {customer.length, epochDay.length, amount.length, cost.length, refund.length,
                status.length}) {
            if (length < size) {
                throw new IllegalArgumentException("a column holds " + length + " values for " + size + " orders");
            }
        }
        this.zone = zone;
        this.size = size;
        this.customer = customer;
        this.epochDay = epochDay;
        this.amount = amount;
        this.cost = cost;
        this.refund = refund;
        this.status = status;
    }

    public static Builder builder() {
        return new Builder(1024);
    }

    public static Builder builder(int expectedOrders) {
        return new Builder(expectedOrders);
    }

    /** The time zone in which {@link #epochDay()} values are calendar days. */
    public ZoneId zone() {
        return zone;
    }

    public int size() {
        return size;
    }

    public int[] customer() {
        return customer;
    }

    public int[] epochDay() {
        return epochDay;
    }

    public double[] amount() {
        return amount;
    }

    public double[] cost() {
        return cost;
    }

    public double[] refund() {
        return refund;
    }

    public byte[] status() {
        return status;
    }

    /** The latest order day, or {@code Integer.MIN_VALUE} when there are no orders. */
    public int lastEpochDay() {
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            last = Math.max(last, epochDay[i]);
        }
        return last;
    }

    /** Collects orders row by row into growing primitive arrays. */
    public static final class Builder {
        private ZoneId zone = DEFAULT_ZONE;
        private int size;
        private int[] customer;
        private int[] epochDay;
        private double[] amount;
        private double[] cost;
        private double[] refund;
        private byte[] status;

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            customer = new int[c];
            epochDay = new int[c];
            amount = new double[c];
            cost = new double[c];
            refund = new double[c];
            status = new byte[c];
        }

        /** The zone in which the days given to {@code add} are calendar days; Asia/Shanghai unless set. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** A completed purchase with unknown cost and no refund. */
        public Builder purchase(int customerRow, LocalDate day, double amount) {
            return add(customerRow, (int) day.toEpochDay(), amount, Double.NaN, 0, OrderStatus.COMPLETED);
        }

        public Builder add(int customerRow, LocalDate day, double amount, double cost, double refund,
                           OrderStatus status) {
            return add(customerRow, (int) day.toEpochDay(), amount, cost, refund, status);
        }

        public Builder add(int customerRow, int epochDay, double amount, double cost, double refund,
                           OrderStatus status) {
            if (customerRow < 0) {
                throw new IllegalArgumentException("customer row must be >= 0, was " + customerRow);
            }
            if (size == customer.length) {
                grow();
            }
            this.customer[size] = customerRow;
            this.epochDay[size] = epochDay;
            this.amount[size] = amount;
            this.cost[size] = cost;
            this.refund[size] = refund;
            this.status[size] = status.code();
            size++;
            return this;
        }

        private void grow() {
            int c = customer.length * 2;
            customer = Arrays.copyOf(customer, c);
            epochDay = Arrays.copyOf(epochDay, c);
            amount = Arrays.copyOf(amount, c);
            cost = Arrays.copyOf(cost, c);
            refund = Arrays.copyOf(refund, c);
            status = Arrays.copyOf(status, c);
        }

        public int size() {
            return size;
        }

        public OrderColumns build() {
            return new OrderColumns(zone, size, customer, epochDay, amount, cost, refund, status);
        }
    }
}
