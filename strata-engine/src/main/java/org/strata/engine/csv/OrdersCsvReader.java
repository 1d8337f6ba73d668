package org.strata.engine.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
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
    private static final int CHUNK_BYTES = 512 * 1024;

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
            ByteIdTable ids = new ByteIdTable(expectedIds(size));
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
            String[] newIds = idStrings(ids, customers.size());
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
        // about 45 bytes per order row in typical exports; parts grow when the guess is short
        int expectedOrders = (int) Math.min(bytes / 40 + 16, Integer.MAX_VALUE - 16);
        if (bytes < PARALLEL_FROM_BYTES || Runtime.getRuntime().availableProcessors() < 2) {
            return parsePart(channel, from, to, 2, layout, name, new OrderPart(ids, expectedOrders));
        }
        long middle = lineStartAfter(channel, from + bytes / 2, to);
        // one set of arrays with room for the whole file: the first half fills it from the start, the second half
        // from the point where its expected orders still fit
        OrderPart first = new OrderPart(ids, expectedOrders);
        int secondBase = (int) Math.max(0, expectedOrders - ((to - middle) / 40 + 16));
        OrderPart secondPart = new OrderPart(new ByteIdTable(expectedIds(to - middle)), first, secondBase);
        PartTask second = new PartTask(channel, middle, to, layout, name, secondPart);
        Thread thread = new Thread(second, "strata-orders-reader");
        thread.start();
        try {
            parsePart(channel, from, middle, 2, layout, name, first);
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
        append(first, second.part);
        return first;
    }

    /**
     * Parses bytes {@code [from, to)} of the file, starting at a line start, in chunks small enough to be ordinary
     * young objects for the garbage collector (a whole 140 MB file in one array would be copied and scanned by it).
     */
    private OrderPart parsePart(FileChannel channel, long from, long to, long firstLine, OrderCsvLayout layout,
                                String name, OrderPart part) throws IOException {
        OrderRowParser parser = new OrderRowParser(name, layout, zone, part, true);
        byte[] buffer = new byte[CHUNK_BYTES];
        long position = from;
        long line = firstLine;
        int carried = 0;
        while (position < to || carried > 0) {
            int wanted = (int) Math.min(buffer.length - carried, to - position);
            int filled = carried + readFully(channel, buffer, carried, wanted, position);
            position += wanted;
            int end = position >= to ? filled : lastLineEnd(buffer, filled);
            if (end == 0) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                carried = filled;
                continue;
            }
            line += FastCsvScanner.scan(buffer, 0, end, line, parser);
            parser.endOfBuffer(buffer);
            carried = filled - end;
            System.arraycopy(buffer, end, buffer, 0, carried);
        }
        part.lines = line - firstLine;
        parser.finish();
        return part;
    }

    /**
     * The ids of {@code ids} from {@code first} on as Strings: a million small objects for a large file, made on two
     * threads (one of the few steps of a scoring run that would otherwise use one core).
     */
    private static String[] idStrings(ByteIdTable ids, int first) {
        String[] strings = new String[ids.size() - first];
        int middle = strings.length / 2;
        if (strings.length < 100_000 || Runtime.getRuntime().availableProcessors() < 2) {
            fillIdStrings(ids, first, strings, 0, strings.length);
            return strings;
        }
        CompletableFuture<Void> secondHalf = CompletableFuture.runAsync(
                () -> fillIdStrings(ids, first, strings, middle, strings.length));
        fillIdStrings(ids, first, strings, 0, middle);
        secondHalf.join();
        return strings;
    }

    private static void fillIdStrings(ByteIdTable ids, int first, String[] strings, int from, int to) {
        for (int i = from; i < to; i++) {
            strings[i] = ids.idString(first + i);
        }
    }

    /** A first guess of the distinct customers in so many bytes of orders (the table grows when it is short). */
    private static int expectedIds(long bytes) {
        return (int) Math.min(bytes / 128, 1 << 24);
    }

    private static int lastLineEnd(byte[] buffer, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int readFully(FileChannel channel, byte[] buffer, int offset, int length, long position)
            throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        long p = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, p);
            if (n < 0) {
                throw new IOException("the file became shorter while it was read");
            }
            p += n;
        }
        return length;
    }

    /** Parses the second half of a file on its own thread with its own id table (its first line numbered 1). */
    private final class PartTask implements Runnable {
        private final FileChannel channel;
        private final long from;
        private final long to;
        private final OrderCsvLayout layout;
        private final String name;
        final OrderPart part;
        Throwable failure;

        PartTask(FileChannel channel, long from, long to, OrderCsvLayout layout, String name, OrderPart part) {
            this.channel = channel;
            this.from = from;
            this.to = to;
            this.layout = layout;
            this.name = name;
            this.part = part;
        }

        @Override
        public void run() {
            try {
                parsePart(channel, from, to, 1, layout, name, part);
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /**
     * Appends the orders of {@code second} to {@code first} (whose orders start at index 0), its customers renumbered
     * into first's table; when they share arrays the orders move down within them.
     */
    private static void append(OrderPart first, OrderPart second) {
        int[] renumber = first.ids.absorb(second.ids);
        int from = second.base;
        int skip = 0;
        if (second.size > 0 && first.size > 0 && first.lastOrderId.length > 0
                && Arrays.equals(first.lastOrderId, second.firstOrderId)
                && first.customer[first.size - 1] == renumber[second.customer[from]]) {
            // the split fell between two lines of one order: add the second half's first line to it
            first.amount[first.size - 1] += second.amount[from];
            first.cost[first.size - 1] += second.cost[from];
            first.refund[first.size - 1] += second.refund[from];
            skip = 1;
        }
        from += skip;
        int count = second.size - skip;
        // the second part is done: the first may use the whole arrays. When they share them, the second's orders
        // start at or after the first's end, so the copies below move orders down (overlap-safe) without new arrays.
        first.releaseShare();
        first.ensureCapacity(first.size + count);
        int[] customers = first.customer;
        int[] secondCustomers = second.customer;
        for (int i = 0; i < count; i++) {
            customers[first.size + i] = renumber[secondCustomers[from + i]];
        }
        System.arraycopy(second.day, from, first.day, first.size, count);
        System.arraycopy(second.amount, from, first.amount, first.size, count);
        System.arraycopy(second.cost, from, first.cost, first.size, count);
        System.arraycopy(second.refund, from, first.refund, first.size, count);
        System.arraycopy(second.status, from, first.status, first.size, count);
        first.size += count;
        first.skippedWithoutCustomer += second.skippedWithoutCustomer;
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
