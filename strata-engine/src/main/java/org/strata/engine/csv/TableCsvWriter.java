package org.strata.engine.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

/**
 * Writes a feature table as UTF-8 CSV, one row per customer, first column {@code customer_id}. Values: numbers that
 * are whole are written as integers, others rounded to 2 decimals; dates as {@code yyyy-MM-dd}; tags joined by
 * {@code ;}; missing values as empty fields; text quoted only when it holds a comma, quote or line break.
 *
 * <p>Speed: bytes are formatted by hand (no String.format, no String per value) into large buffers, the second half
 * of the rows on a second thread while the first half is written.
 */
public final class TableCsvWriter {

    private static final int PARALLEL_FROM_ROWS = 50_000;

    private TableCsvWriter() {
    }

    public static void write(FeatureTable table, List<String> columns, Path out) {
        List<Column> cells = new ArrayList<>();
        for (String name : columns) {
            Column column = table.column(name);
            cells.add(column instanceof TagColumn tags ? joinedTags(tags) : column);
        }
        String[] ids = table.customerIds();
        int n = ids.length;
        try (OutputStream stream = Files.newOutputStream(out)) {
            ByteSink head = new ByteSink(1 << 20, stream);
            head.ascii("customer_id");
            for (String name : columns) {
                head.put((byte) ',').text(name);
            }
            head.put((byte) '\n');
            if (n < PARALLEL_FROM_ROWS || Runtime.getRuntime().availableProcessors() < 2) {
                rows(ids, cells, 0, n, head);
                head.flush();
                return;
            }
            int middle = n / 2;
            ByteSink tail = new ByteSink(64 << 20, null);
            Thread thread = new Thread(() -> rows(ids, cells, middle, n, tail), "strata-csv-writer");
            thread.start();
            rows(ids, cells, 0, middle, head);
            head.flush();
            thread.join();
            tail.writeTo(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + out, e);
        }
    }

    /** Writes one column's value of a row (nulls are handled by the caller). */
    private interface CellWriter {
        void write(int row, ByteSink sink);
    }

    private static CellWriter writerOf(Column column) {
        if (column instanceof NumberColumn number) {
            double[] values = number.values();
            return (row, sink) -> sink.number(values[row]);
        }
        if (column instanceof TextColumn text) {
            String[] values = text.values();
            return (row, sink) -> sink.text(values[row]);
        }
        if (column instanceof DateColumn date) {
            int[] days = date.epochDays();
            return (row, sink) -> sink.date(days[row]);
        }
        if (column instanceof BooleanColumn bool) {
            BitSet values = bool.values();
            return (row, sink) -> sink.ascii(values.get(row) ? "true" : "false");
        }
        throw new IllegalStateException("tags are joined into text before writing");
    }

    private static void rows(String[] ids, List<Column> cells, int from, int to, ByteSink sink) {
        Column[] columns = cells.toArray(Column[]::new);
        CellWriter[] writers = new CellWriter[columns.length];
        for (int c = 0; c < columns.length; c++) {
            writers[c] = writerOf(columns[c]);
        }
        for (int row = from; row < to; row++) {
            sink.text(ids[row]);
            for (int c = 0; c < columns.length; c++) {
                sink.put((byte) ',');
                if (!columns[c].isNull(row)) {
                    writers[c].write(row, sink);
                }
            }
            sink.put((byte) '\n');
        }
    }

    /** The tags of every row joined by ';' (sorted by tag name as the column holds them). */
    private static TextColumn joinedTags(TagColumn tags) {
        StringBuilder[] joined = new StringBuilder[tags.size()];
        for (Map.Entry<String, BitSet> entry : tags.rowsByTag().entrySet()) {
            BitSet rows = entry.getValue();
            for (int row = rows.nextSetBit(0); row >= 0 && row < joined.length; row = rows.nextSetBit(row + 1)) {
                if (joined[row] == null) {
                    joined[row] = new StringBuilder();
                } else {
                    joined[row].append(';');
                }
                joined[row].append(entry.getKey());
            }
        }
        String[] values = new String[joined.length];
        for (int row = 0; row < values.length; row++) {
            values[row] = joined[row] == null ? null : joined[row].toString();
        }
        return new TextColumn(values);
    }

    /** A growing byte buffer that formats values and flushes to a stream when one is given. */
    static final class ByteSink {
        private byte[] bytes;
        private int used;
        private final OutputStream stream;

        ByteSink(int capacity, OutputStream stream) {
            this.bytes = new byte[capacity];
            this.stream = stream;
        }

        ByteSink put(byte b) {
            if (used == bytes.length) {
                makeRoom(1);
            }
            bytes[used++] = b;
            return this;
        }

        ByteSink ascii(String s) {
            makeRoom(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[used++] = (byte) s.charAt(i);
            }
            return this;
        }

        ByteSink text(String s) {
            boolean plainAscii = true;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                    plainAscii = false;
                    break;
                }
            }
            if (plainAscii) {
                return ascii(s);
            }
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0;
            byte[] utf8 = (quote ? '"' + s.replace("\"", "\"\"") + '"' : s).getBytes(StandardCharsets.UTF_8);
            makeRoom(utf8.length);
            System.arraycopy(utf8, 0, bytes, used, utf8.length);
            used += utf8.length;
            return this;
        }

        ByteSink number(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return this;
            }
            if (Math.abs(v) >= 1e13) {
                return ascii(Double.toString(v));
            }
            long cents = Math.round(v * 100);
            makeRoom(24);
            if (cents < 0) {
                bytes[used++] = '-';
                cents = -cents;
            }
            digits(cents / 100);
            long fraction = cents % 100;
            if (fraction != 0) {
                bytes[used++] = '.';
                bytes[used++] = (byte) ('0' + fraction / 10);
                bytes[used++] = (byte) ('0' + fraction % 10);
            }
            return this;
        }

        ByteSink date(int epochDay) {
            // civil_from_days (H. Hinnant)
            long z = epochDay + 719468L;
            long era = Math.floorDiv(z, 146097);
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long mp = (5 * dayOfYear + 2) / 153;
            int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 3 : mp - 9);
            long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
            makeRoom(12);
            if (year < 1000 || year > 9999) {
                return ascii(java.time.LocalDate.ofEpochDay(epochDay).toString());
            }
            digits(year);
            bytes[used++] = '-';
            bytes[used++] = (byte) ('0' + month / 10);
            bytes[used++] = (byte) ('0' + month % 10);
            bytes[used++] = '-';
            bytes[used++] = (byte) ('0' + day / 10);
            bytes[used++] = (byte) ('0' + day % 10);
            return this;
        }

        private void digits(long value) {
            if (value < 10) {
                bytes[used++] = (byte) ('0' + value);
                return;
            }
            int length = 0;
            for (long v = value; v > 0; v /= 10) {
                length++;
            }
            for (int i = used + length - 1; i >= used; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            used += length;
        }

        private void makeRoom(int extra) {
            if (used + extra <= bytes.length) {
                return;
            }
            if (stream != null) {
                flush();
                if (extra <= bytes.length) {
                    return;
                }
            }
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + extra));
        }

        void flush() {
            try {
                stream.write(bytes, 0, used);
                used = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, used);
        }
    }
}
