package org.strata.engine.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.Arrays;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.data.OrderStatus;

/**
 * Reads an orders CSV into {@link OrderColumns}. Columns are recognised by their header names ({@link OrderCsvLayout});
 * rows are read by {@link OrderRowParser}. An order with a negative amount and no status (a credit note, a
 * cancellation invoice such as the "C..." invoices of retail exports) becomes a {@link OrderStatus#RETURN} of that
 * value; a row with status "return" likewise.
 *
 * <p>Speed: a plain file (no quoted field) is read as bytes and, when large, as two halves split at a line break and
 * parsed on two threads, each numbering customers in its own table; the second table is then merged into the first,
 * so customers keep the order of their first appearance in the file. A file with quoted fields is read by FastCSV.
 */
public final class OrdersCsvReader {

    private static final long PARALLEL_FROM_BYTES = 4 << 20;
    private static final int MAX_PART_BYTES = Integer.MAX_VALUE - 64;

    private final ZoneId zone;

    public OrdersCsvReader(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Reads {@code file}; customers new to {@code customers} are appended to it.
     *
     * @throws CsvException for a row that cannot be read, naming line and column
     */
    public OrdersFile read(Path file, CustomerIndex customers) {
        String name = file.getFileName().toString();
        String[] header = QuotedCsvScanner.header(file);
        OrderCsvLayout layout = OrderCsvLayout.of(header, name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long dataStart = headerEnd(channel);
            ByteIdTable ids = new ByteIdTable((int) Math.min(size / 64, 1 << 24));
            for (int row = 0; row < customers.size(); row++) {
                ids.getOrAdd(customers.id(row));
            }
            OrderPart part;
            try {
                part = readPlain(channel, dataStart, size, layout, name, ids);
            } catch (FastCsvScanner.QuotedFieldFound quoted) {
                ids = new ByteIdTable(1024);
                for (int row = 0; row < customers.size(); row++) {
                    ids.getOrAdd(customers.id(row));
                }
                part = new OrderPart(ids, (int) Math.min(size / 40, 1 << 24));
                OrderRowParser parser = new OrderRowParser(name, layout, zone, part);
                QuotedCsvScanner.scan(file, parser);
            }
            normaliseReturns(part);
            String[] newIds = new String[ids.size() - customers.size()];
            for (int id = customers.size(); id < ids.size(); id++) {
                newIds[id - customers.size()] = ids.idString(id);
            }
            customers.appendDistinct(newIds, newIds.length);
            OrderColumns orders = new OrderColumns(zone, part.size, part.customer, part.day, part.amount, part.cost,
                    part.refund, part.status);
            return new OrdersFile(customers, orders, part.skippedWithoutCustomer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OrderPart readPlain(FileChannel channel, long from, long to, OrderCsvLayout layout, String name,
                                ByteIdTable ids) throws IOException {
        long bytes = to - from;
        if (bytes < PARALLEL_FROM_BYTES || Runtime.getRuntime().availableProcessors() < 2
                || bytes / 2 > MAX_PART_BYTES) {
            if (bytes > MAX_PART_BYTES) {
                throw new FastCsvScanner.QuotedFieldFound(); // too large for one buffer: the streaming reader takes it
            }
            return parsePart(read(channel, from, to), 2, layout, name, ids);
        }
        long middle = lineStartAfter(channel, from + bytes / 2, to);
        PartTask second = new PartTask(channel, middle, to, layout, name);
        Thread thread = new Thread(second, "strata-orders-reader");
        thread.start();
        OrderPart first;
        try {
            first = parsePart(read(channel, from, middle), 2, layout, name, ids);
        } finally {
            join(thread);
        }
        if (second.failure instanceof CsvException e) {
            throw e.shifted(1 + first.lines);
        }
        if (second.failure instanceof RuntimeException e) {
            throw e;
        }
        if (second.failure != null) {
            throw new IllegalStateException(second.failure);
        }
        return append(first, second.part);
    }

    private OrderPart parsePart(byte[] bytes, long firstLine, OrderCsvLayout layout, String name, ByteIdTable ids) {
        OrderPart part = new OrderPart(ids, bytes.length / 40);
        OrderRowParser parser = new OrderRowParser(name, layout, zone, part);
        part.lines = FastCsvScanner.scan(bytes, 0, bytes.length, firstLine, parser);
        parser.finish();
        return part;
    }

    /** Parses the second half of a file on its own thread with its own id table (its first line numbered 1). */
    private final class PartTask implements Runnable {
        private final FileChannel channel;
        private final long from;
        private final long to;
        private final OrderCsvLayout layout;
        private final String name;
        OrderPart part;
        Throwable failure;

        PartTask(FileChannel channel, long from, long to, OrderCsvLayout layout, String name) {
            this.channel = channel;
            this.from = from;
            this.to = to;
            this.layout = layout;
            this.name = name;
        }

        @Override
        public void run() {
            try {
                part = parsePart(read(channel, from, to), 1, layout, name, new ByteIdTable((int) ((to - from) / 64)));
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /** The orders of {@code second} after those of {@code first}, its customers renumbered into first's table. */
    private static OrderPart append(OrderPart first, OrderPart second) {
        int[] renumber = new int[second.ids.size()];
        for (int id = 0; id < renumber.length; id++) {
            renumber[id] = first.ids.getOrAdd(second.ids, id);
        }
        int skip = 0;
        if (second.size > 0 && first.size > 0 && first.lastOrderId.length > 0
                && Arrays.equals(first.lastOrderId, second.firstOrderId)
                && first.customer[first.size - 1] == renumber[second.customer[0]]) {
            // the split fell between two lines of one order: add the second half's first line to it
            first.amount[first.size - 1] += second.amount[0];
            first.cost[first.size - 1] += second.cost[0];
            first.refund[first.size - 1] += second.refund[0];
            skip = 1;
        }
        int total = first.size + second.size - skip;
        OrderPart all = new OrderPart(first.ids, 0);
        all.customer = Arrays.copyOf(first.customer, total);
        for (int i = skip; i < second.size; i++) {
            all.customer[first.size + i - skip] = renumber[second.customer[i]];
        }
        all.day = concat(first.day, first.size, second.day, skip, second.size);
        all.amount = concat(first.amount, first.size, second.amount, skip, second.size);
        all.cost = concat(first.cost, first.size, second.cost, skip, second.size);
        all.refund = concat(first.refund, first.size, second.refund, skip, second.size);
        byte[] status = Arrays.copyOf(first.status, total);
        System.arraycopy(second.status, skip, status, first.size, second.size - skip);
        all.status = status;
        all.size = total;
        all.skippedWithoutCustomer = first.skippedWithoutCustomer + second.skippedWithoutCustomer;
        return all;
    }

    private static int[] concat(int[] a, int aSize, int[] b, int bFrom, int bSize) {
        int[] out = Arrays.copyOf(a, aSize + bSize - bFrom);
        System.arraycopy(b, bFrom, out, aSize, bSize - bFrom);
        return out;
    }

    private static double[] concat(double[] a, int aSize, double[] b, int bFrom, int bSize) {
        double[] out = Arrays.copyOf(a, aSize + bSize - bFrom);
        System.arraycopy(b, bFrom, out, aSize, bSize - bFrom);
        return out;
    }

    /** Negative completed orders are returns of that value; return rows carry their value as refund, not amount. */
    private static void normaliseReturns(OrderPart part) {
        byte completed = OrderStatus.COMPLETED.code();
        byte returned = OrderStatus.RETURN.code();
        for (int i = 0; i < part.size; i++) {
            byte s = part.status[i];
            if (s == completed && part.amount[i] < 0) {
                part.status[i] = returned;
                part.refund[i] = -part.amount[i];
                part.amount[i] = 0;
            } else if (s == returned) {
                if (part.refund[i] == 0) {
                    part.refund[i] = Math.abs(part.amount[i]);
                }
                part.amount[i] = 0;
            }
        }
    }

    private static byte[] read(FileChannel channel, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        return bytes;
    }

    /** Offset just after the first line break (the data start). */
    private static long headerEnd(FileChannel channel) throws IOException {
        return lineStartAfter(channel, 0, channel.size());
    }

    /** The first offset after {@code position} that starts a line, or {@code to}. */
    private static long lineStartAfter(FileChannel channel, long position, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long p = position;
        while (p < to) {
            buffer.clear();
            int n = channel.read(buffer, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return to;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading orders", e);
        }
    }
}
