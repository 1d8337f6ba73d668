package org.strata.engine.csv;

import org.strata.engine.i18n.Message;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import org.strata.engine.csv.OrderCsvLayout.Role;
import org.strata.engine.data.OrderStatus;

/**
 * Turns the fields of one orders row (byte ranges of a buffer) into an order of an {@link OrderPart}. Both the fast
 * byte scanner and the quoted-CSV path feed it, so every file means the same whatever path reads it.
 *
 * <p>Rules: a row without a customer id is skipped (and counted); an id written as an integer with a trailing
 * {@code .0} (as spreadsheets export numeric ids, e.g. {@code 17850.0}) is that integer; a missing cost is unknown; a
 * missing refund is 0; without a status column every row is a completed order.
 */
final class OrderRowParser {

    private static final byte[] NO_BYTES = new byte[0];

    private final String file;
    private final OrderCsvLayout layout;
    private final Timestamps timestamps;
    private final OrderPart part;
    private final int customerColumn;
    private final int timeColumn;
    private final int amountColumn;
    private final int quantityColumn;
    private final int priceColumn;
    private final int statusColumn;
    private final int refundColumn;
    private final int costColumn;
    private final int orderColumn;
    private final int neededFields;

    private byte[] previousCustomer = new byte[64];
    private int previousCustomerLength = -1;
    private int previousCustomerId;
    private byte[] previousOrder = new byte[64];
    private int previousOrderLength = -1;
    private final StatusWords statusWords = new StatusWords();
    /** New customer ids waiting to be looked up in a batch; null when each row comes in a buffer of its own. */
    private final PendingIds pending;
    /** The first order that may still hold a provisional customer number. */
    private int firstUnresolvedOrder;

    OrderRowParser(String file, OrderCsvLayout layout, ZoneId zone, OrderPart part) {
        this(file, layout, zone, part, false);
    }

    /**
     * @param batchIds true: rows come from one buffer at a time and {@link #endOfBuffer} is called before the buffer
     *                 changes, so new customer ids can be looked up in batches ({@link PendingIds})
     */
    OrderRowParser(String file, OrderCsvLayout layout, ZoneId zone, OrderPart part, boolean batchIds) {
        this.pending = batchIds ? new PendingIds() : null;
        this.file = file;
        this.layout = layout;
        this.timestamps = new Timestamps(zone);
        this.part = part;
        customerColumn = layout.column(Role.CUSTOMER);
        timeColumn = layout.column(Role.TIME);
        amountColumn = layout.column(Role.AMOUNT);
        quantityColumn = layout.column(Role.QUANTITY);
        priceColumn = layout.column(Role.UNIT_PRICE);
        statusColumn = layout.column(Role.STATUS);
        refundColumn = layout.column(Role.REFUND);
        costColumn = layout.column(Role.COST);
        orderColumn = layout.column(Role.ORDER_ID);
        int needed = 0;
        for (int column : new int[] {customerColumn, timeColumn, amountColumn, quantityColumn, priceColumn,
                statusColumn, refundColumn, costColumn, orderColumn}) {
            needed = Math.max(needed, column + 1);
        }
        neededFields = needed;
    }

    OrderPart part() {
        return part;
    }

    int fieldsPerRow() {
        return layout.header.length;
    }

    /** One row: field {@code f} is bytes {@code [start[f], end[f])} of {@code b}; {@code fields} were found. */
    void row(byte[] b, int[] start, int[] end, int fields, long line) {
        if (fields < neededFields) {
            throw new CsvException(file, line, 0, CsvError.FIELD_COUNT.with(fields, layout.header.length));
        }
        int from = start[customerColumn];
        int to = end[customerColumn];
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            part.skippedWithoutCustomer++;
            return;
        }
        to = withoutSpreadsheetDecimal(b, from, to);
        int customer;
        if (to - from == previousCustomerLength && Arrays.equals(previousCustomer, 0, to - from, b, from, to)) {
            customer = previousCustomerId;
        } else {
            customer = pending != null ? provisional(b, from, to) : part.ids.getOrAdd(b, from, to);
            previousCustomer = remember(previousCustomer, b, from, to);
            previousCustomerLength = to - from;
            previousCustomerId = customer;
        }
        int day = timestamps.epochDay(b, start[timeColumn], end[timeColumn]);
        if (day == Timestamps.INVALID) {
            throw problem(line, timeColumn, CsvError.NOT_AN_ORDER_TIME.with(text(b, start, end, timeColumn)));
        }
        double amount = amountColumn >= 0 ? number(b, start, end, amountColumn, line)
                : number(b, start, end, quantityColumn, line) * number(b, start, end, priceColumn, line);
        double cost = costColumn >= 0 && start[costColumn] < end[costColumn]
                ? number(b, start, end, costColumn, line) : Double.NaN;
        double refund = refundColumn >= 0 && start[refundColumn] < end[refundColumn]
                ? number(b, start, end, refundColumn, line) : 0;
        byte status = OrderStatus.COMPLETED.code();
        if (statusColumn >= 0) {
            status = statusWords.code(b, start[statusColumn], end[statusColumn]);
            if (status < 0) {
                throw problem(line, statusColumn, CsvError.UNKNOWN_STATUS.with(text(b, start, end, statusColumn)));
            }
        }
        part.add(customer, sameOrder(b, start, end), day, amount, cost, refund, status);
    }

    private boolean sameOrder(byte[] b, int[] start, int[] end) {
        if (orderColumn < 0) {
            return false;
        }
        int from = start[orderColumn];
        int to = end[orderColumn];
        if (from == to) {
            previousOrderLength = -1;
            return false;
        }
        if (part.firstOrderId == null) {
            part.firstOrderId = Arrays.copyOfRange(b, from, to);
        }
        if (to - from == previousOrderLength && Arrays.equals(previousOrder, 0, to - from, b, from, to)) {
            return true;
        }
        previousOrder = remember(previousOrder, b, from, to);
        previousOrderLength = to - from;
        return false;
    }

    /** Called after the rows of buffer {@code b}, before it is refilled: looks up the customer ids still pending. */
    void endOfBuffer(byte[] b) {
        if (pending != null && !pending.isEmpty()) {
            resolvePending(b);
        }
    }

    /** A provisional number for a new customer's id, resolved with its batch ({@link PendingIds}). */
    private int provisional(byte[] b, int from, int to) {
        if (pending.isFull()) {
            resolvePending(b);
        }
        return pending.add(b, from, to);
    }

    private void resolvePending(byte[] b) {
        int[] resolved = pending.resolve(part.ids, b);
        part.resolveCustomers(firstUnresolvedOrder, resolved);
        firstUnresolvedOrder = part.size;
        if (previousCustomerId < 0) {
            previousCustomerId = resolved[-previousCustomerId - 1];
        }
    }

    /** Records the order id of the part's last row, once the part is read. */
    void finish() {
        part.lastOrderId = previousOrderLength < 0 ? NO_BYTES : Arrays.copyOf(previousOrder, previousOrderLength);
        if (part.firstOrderId == null) {
            part.firstOrderId = NO_BYTES;
        }
    }

    private double number(byte[] b, int[] start, int[] end, int column, long line) {
        int from = start[column];
        int to = end[column];
        if (from == to) {
            throw problem(line, column, CsvError.EMPTY_AMOUNT.with());
        }
        try {
            return Numbers.parse(b, from, to);
        } catch (NumberFormatException e) {
            throw problem(line, column, CsvError.NOT_AN_AMOUNT.with(text(b, start, end, column)));
        }
    }

    private CsvException problem(long line, int column, Message problem) {
        return new CsvException(file, line, column + 1, layout.name(column), problem);
    }

    private static String text(byte[] b, int[] start, int[] end, int column) {
        return new String(b, start[column], end[column] - start[column], StandardCharsets.UTF_8);
    }

    private static byte[] remember(byte[] into, byte[] b, int from, int to) {
        byte[] target = to - from <= into.length ? into : new byte[(to - from) * 2];
        System.arraycopy(b, from, target, 0, to - from);
        return target;
    }

    /** {@code 17850.0} -> {@code 17850}: digits followed by ".0" lose the ".0". */
    private static int withoutSpreadsheetDecimal(byte[] b, int from, int to) {
        if (to - from < 3 || b[to - 2] != '.' || b[to - 1] != '0') {
            return to;
        }
        for (int i = from; i < to - 2; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return to;
            }
        }
        return to - 2;
    }

    /** Status words seen so far, as bytes, so a status column costs a comparison per row instead of a String. */
    private static final class StatusWords {
        private byte[][] words = new byte[0][];
        private byte[] codes = new byte[0];

        /** The status code, or -1 for a word that is not a status. */
        byte code(byte[] b, int from, int to) {
            for (int i = 0; i < words.length; i++) {
                if (Arrays.equals(words[i], 0, words[i].length, b, from, to)) {
                    return codes[i];
                }
            }
            OrderStatus status = OrderStatus.parse(new String(b, from, to - from, StandardCharsets.UTF_8));
            if (status == null) {
                return -1;
            }
            words = Arrays.copyOf(words, words.length + 1);
            codes = Arrays.copyOf(codes, codes.length + 1);
            words[words.length - 1] = Arrays.copyOfRange(b, from, to);
            codes[codes.length - 1] = status.code();
            return status.code();
        }
    }
}
