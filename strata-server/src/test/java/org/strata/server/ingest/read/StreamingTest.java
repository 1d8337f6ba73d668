package org.strata.server.ingest.read;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A large file is read row by row: memory does not grow with the rows read, and progress advances to the end. */
class StreamingTest {

    private static final int ROWS = 200_000;

    @Test
    void twoHundredThousandRowsAreReadWithoutAccumulatingAnything() throws IOException {
        GeneratedOrders file = new GeneratedOrders(ROWS);
        long total = file.size();
        long heapAfterWarmUp = 0;
        long accepted = 0;
        long lastProgress = 0;
        try (ParsedRows<OrderRecord> rows = ImportReaders.open(ImportKind.ORDERS, OrderRecord.class,
                new GeneratedOrders(ROWS), "generated.csv", total, ImportOptions.defaults())) {
            while (rows.hasNext()) {
                ParsedRow<OrderRecord> row = rows.next();
                accepted += row.accepted() ? 1 : 0;
                assertThat(rows.bytesRead()).isGreaterThanOrEqualTo(lastProgress);
                lastProgress = rows.bytesRead();
                if (rows.rowsRead() == 20_000) {
                    heapAfterWarmUp = usedHeapAfterGc();
                }
            }
            assertThat(rows.bytesRead()).isEqualTo(total);
            // 180,000 more records kept anywhere would take well over 40 MB.
            assertThat(usedHeapAfterGc() - heapAfterWarmUp).isLessThan(16L * 1024 * 1024);
        }
        assertThat(accepted).isEqualTo(ROWS);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** GenOrders-like CSV produced on the fly, so the test itself holds no file in memory or on disk. */
    static final class GeneratedOrders extends InputStream {
        private final int rows;
        private int next = -1;  // -1: the header
        private byte[] current = new byte[0];
        private int pos;

        GeneratedOrders(int rows) {
            this.rows = rows;
        }

        long size() throws IOException {
            long size = 0;
            try (GeneratedOrders copy = new GeneratedOrders(rows)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = copy.read(buffer)) > 0; ) {
                    size += n;
                }
            }
            return size;
        }

        private boolean fill() {
            if (next >= rows) {
                return false;
            }
            String line = next < 0 ? "order_id,customer_id,ordered_at,amount\n"
                    : "O" + next + "-0,C" + next + ",2025-" + two(1 + next % 12) + "-" + two(1 + next % 28) + " "
                    + two(next % 24) + ":" + two(next % 60) + ":" + two(next * 7 % 60) + "," + next % 1000 + "."
                    + two(next % 100) + "\n";
            current = line.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            next++;
            return true;
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }

        @Override
        public int read() {
            if (pos == current.length && !fill()) {
                return -1;
            }
            return current[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pos == current.length && !fill()) {
                    break;
                }
                int chunk = Math.min(len - n, current.length - pos);
                System.arraycopy(current, pos, b, off + n, chunk);
                pos += chunk;
                n += chunk;
            }
            return n == 0 ? -1 : n;
        }
    }
}
