package org.strata.engine.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

/**
 * Writes a feature table as UTF-8 CSV, one row per customer, first column {@code customer_id}. Values: whole numbers
 * are written as integers, others rounded to 2 decimals (trailing zeros dropped); dates as {@code yyyy-MM-dd}; tags
 * joined by {@code ;}; missing values as empty fields; text quoted only when it holds a comma, quote or line break.
 *
 * <p>Speed: bytes are formatted by hand (no String.format, no String per value). Rows are cut into blocks; a second
 * thread formats the odd blocks while this one formats and writes the even ones, so the file is written in order with
 * only a few blocks in memory.
 */
public final class TableCsvWriter {

    private static final int BLOCK_ROWS = 16_384;

    private TableCsvWriter() {
    }

    public static void write(FeatureTable table, List<String> columns, Path out) {
        Cells cells = new Cells(table, columns);
        int blocks = (table.size() + BLOCK_ROWS - 1) / BLOCK_ROWS;
        try (OutputStream stream = Files.newOutputStream(out)) {
            ByteSink sink = new ByteSink(1 << 16);
            sink.ascii("customer_id");
            for (String name : columns) {
                sink.put((byte) ',').text(name);
            }
            sink.put((byte) '\n');
            if (blocks < 2 || Runtime.getRuntime().availableProcessors() < 2) {
                cells.rows(0, table.size(), sink);
                sink.writeTo(stream);
                return;
            }
            sink.writeTo(stream);
            writeInterleaved(cells, blocks, table.size(), stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInterleaved(Cells cells, int blocks, int rows, OutputStream stream) throws IOException {
        BlockingQueue<ByteSink> formatted = new ArrayBlockingQueue<>(2);
        BlockingQueue<ByteSink> free = new ArrayBlockingQueue<>(2);
        free.add(new ByteSink(4 << 20));
        free.add(new ByteSink(4 << 20));
        Thread worker = new Thread(() -> {
            try {
                for (int b = 1; b < blocks; b += 2) {
                    ByteSink sink = free.take();
                    sink.clear();
                    try {
                        cells.rows(b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), sink);
                    } catch (RuntimeException e) {
                        sink.failure = e;
                    }
                    formatted.put(sink);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "strata-csv-writer");
        worker.setDaemon(true);
        worker.start();
        ByteSink own = new ByteSink(4 << 20);
        try {
            for (int b = 0; b < blocks; b++) {
                if (b % 2 == 0) {
                    own.clear();
                    cells.rows(b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), own);
                    own.writeTo(stream);
                } else {
                    ByteSink theirs = formatted.take();
                    if (theirs.failure != null) {
                        throw theirs.failure;
                    }
                    theirs.writeTo(stream);
                    free.put(theirs);
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } finally {
            if (worker.isAlive()) {
                worker.interrupt();
            }
        }
    }

    /** The table's columns as plain arrays with a kind per column, so formatting a cell is a switch, not a call. */
    private static final class Cells {
        private static final int NUMBER = 0;
        private static final int NULLABLE_NUMBER = 1;
        private static final int TEXT = 2;
        private static final int DATE = 3;
        private static final int BOOLEAN = 4;

        private final String[] ids;
        private final int[] kinds;
        private final double[][] numbers;
        private final String[][] texts;
        private final int[][] dates;
        private final BitSet[] booleans;
        private final BitSet[] nulls;
        /** Per date column, the text of every day from its first to its last, so a cell is a copy, not arithmetic. */
        private final byte[][][] formattedDays;
        private final int[] firstDay;

        Cells(FeatureTable table, List<String> columns) {
            ids = table.customerIds();
            int count = columns.size();
            kinds = new int[count];
            numbers = new double[count][];
            texts = new String[count][];
            dates = new int[count][];
            booleans = new BitSet[count];
            nulls = new BitSet[count];
            formattedDays = new byte[count][][];
            firstDay = new int[count];
            for (int c = 0; c < count; c++) {
                Column column = table.column(columns.get(c));
                if (column instanceof NumberColumn number) {
                    // most counts and sums have no missing values: skip the null test per cell for them
                    kinds[c] = number.nulls().isEmpty() ? NUMBER : NULLABLE_NUMBER;
                    numbers[c] = number.values();
                    nulls[c] = number.nulls();
                } else if (column instanceof TextColumn text) {
                    kinds[c] = TEXT;
                    texts[c] = text.values();
                } else if (column instanceof TagColumn tags) {
                    kinds[c] = TEXT;
                    texts[c] = joinedTags(tags);
                } else if (column instanceof DateColumn date) {
                    kinds[c] = DATE;
                    dates[c] = date.epochDays();
                    nulls[c] = date.nulls();
                    formatDays(c, date);
                } else if (column instanceof BooleanColumn bool) {
                    kinds[c] = BOOLEAN;
                    booleans[c] = bool.values();
                    nulls[c] = bool.nulls();
                }
            }
        }

        void rows(int from, int to, ByteSink sink) {
            for (int row = from; row < to; row++) {
                sink.text(ids[row]);
                for (int c = 0; c < kinds.length; c++) {
                    sink.put((byte) ',');
                    switch (kinds[c]) {
                        case NUMBER -> sink.number(numbers[c][row]);
                        case NULLABLE_NUMBER -> {
                            if (!nulls[c].get(row)) {
                                sink.number(numbers[c][row]);
                            }
                        }
                        case TEXT -> {
                            String value = texts[c][row];
                            if (value != null) {
                                sink.text(value);
                            }
                        }
                        case DATE -> {
                            if (!nulls[c].get(row)) {
                                int day = dates[c][row] - firstDay[c];
                                if (day >= 0 && day < formattedDays[c].length) {
                                    sink.bytes(formattedDays[c][day]);
                                } else {
                                    sink.date(dates[c][row]);
                                }
                            }
                        }
                        default -> {
                            if (!nulls[c].get(row)) {
                                sink.ascii(booleans[c].get(row) ? "true" : "false");
                            }
                        }
                    }
                }
                sink.put((byte) '\n');
            }
        }

        private void formatDays(int c, DateColumn date) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int row = 0; row < date.size(); row++) {
                if (!date.isNull(row)) {
                    min = Math.min(min, date.epochDays()[row]);
                    max = Math.max(max, date.epochDays()[row]);
                }
            }
            int span = min <= max && (long) max - min < 100_000 ? max - min + 1 : 0;
            formattedDays[c] = new byte[span][];
            firstDay[c] = min;
            ByteSink sink = new ByteSink(16);
            for (int day = 0; day < span; day++) {
                sink.clear();
                sink.date(min + day);
                formattedDays[c][day] = Arrays.copyOf(sink.bytes, sink.used);
            }
        }

        /** The tags of every row joined by ';'. */
        private static String[] joinedTags(TagColumn tags) {
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
            return values;
        }
    }

    /** A growing byte buffer with hand-written formatting of the value types. */
    static final class ByteSink {
        /** "00" "01" ... "99": two digits per division. */
        private static final byte[] DIGIT_PAIRS = new byte[200];

        static {
            for (int i = 0; i < 100; i++) {
                DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
                DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
            }
        }

        private byte[] bytes;
        private int used;
        RuntimeException failure;

        ByteSink(int capacity) {
            this.bytes = new byte[capacity];
        }

        void clear() {
            used = 0;
        }

        ByteSink put(byte b) {
            if (used == bytes.length) {
                makeRoom(1);
            }
            bytes[used++] = b;
            return this;
        }

        ByteSink bytes(byte[] value) {
            makeRoom(value.length);
            System.arraycopy(value, 0, bytes, used, value.length);
            used += value.length;
            return this;
        }

        ByteSink ascii(String s) {
            int length = s.length();
            makeRoom(length);
            s.getBytes(0, length, bytes, used); // deprecated for non-Latin-1 text; callers pass ASCII only
            used += length;
            return this;
        }

        ByteSink text(String s) {
            // one pass that checks and copies (a million ids): plain ASCII is copied as it is checked
            int length = s.length();
            makeRoom(length);
            byte[] into = bytes;
            int at = used;
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                    return escaped(s);
                }
                into[at + i] = (byte) c;
            }
            used = at + length;
            return this;
        }

        private ByteSink escaped(String s) {
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0;
            byte[] utf8 = (quote ? '"' + s.replace("\"", "\"\"") + '"' : s).getBytes(StandardCharsets.UTF_8);
            makeRoom(utf8.length);
            System.arraycopy(utf8, 0, bytes, used, utf8.length);
            used += utf8.length;
            return this;
        }

        ByteSink number(double v) {
            if (v == 0) {
                return put((byte) '0');
            }
            int whole = (int) v;
            if (whole == v) {
                makeRoom(12);
                integer(whole);
                return this;
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return this;
            }
            if (Math.abs(v) >= 1e13) {
                return ascii(Double.toString(v));
            }
            // half away from zero on the magnitude (Math.round is a slow call in C1-compiled code)
            long cents = (long) (Math.abs(v) * 100 + 0.5);
            makeRoom(24);
            if (v < 0 && cents != 0) {
                bytes[used++] = '-';
            }
            long units = cents / 100;
            if (units <= Integer.MAX_VALUE) {
                integer((int) units);
            } else {
                byte[] digits = Long.toString(units).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, bytes, used, digits.length);
                used += digits.length;
            }
            int fraction = (int) (cents - units * 100);
            if (fraction != 0) {
                bytes[used++] = '.';
                bytes[used++] = (byte) ('0' + fraction / 10);
                if (fraction % 10 != 0) {
                    bytes[used++] = (byte) ('0' + fraction % 10);
                }
            }
            return this;
        }

        ByteSink date(int epochDay) {
            // civil_from_days (H. Hinnant)
            int z = epochDay + 719468;
            int era = Math.floorDiv(z, 146097);
            int dayOfEra = z - era * 146097;
            int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            int mp = (5 * dayOfYear + 2) / 153;
            int day = dayOfYear - (153 * mp + 2) / 5 + 1;
            int month = mp < 10 ? mp + 3 : mp - 9;
            int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
            if (year < 1000 || year > 9999) {
                return ascii(java.time.LocalDate.ofEpochDay(epochDay).toString());
            }
            makeRoom(10);
            integer(year);
            bytes[used++] = '-';
            bytes[used++] = (byte) ('0' + month / 10);
            bytes[used++] = (byte) ('0' + month % 10);
            bytes[used++] = '-';
            bytes[used++] = (byte) ('0' + day / 10);
            bytes[used++] = (byte) ('0' + day % 10);
            return this;
        }

        /** Writes an int; the caller has made room for 11 bytes. */
        private void integer(int value) {
            if (value < 0) {
                if (value == Integer.MIN_VALUE) {
                    ascii(Integer.toString(value));
                    return;
                }
                bytes[used++] = '-';
                value = -value;
            }
            if (value < 10) {
                bytes[used++] = (byte) ('0' + value);
                return;
            }
            int length = value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5
                    : value < 1000000 ? 6 : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;
            int i = used + length;
            while (value >= 100) {
                int next = value / 100;
                int pair = (value - next * 100) * 2;
                bytes[--i] = DIGIT_PAIRS[pair + 1];
                bytes[--i] = DIGIT_PAIRS[pair];
                value = next;
            }
            if (value >= 10) {
                bytes[--i] = DIGIT_PAIRS[value * 2 + 1];
                bytes[--i] = DIGIT_PAIRS[value * 2];
            } else {
                bytes[--i] = (byte) ('0' + value);
            }
            used += length;
        }

        private void makeRoom(int extra) {
            if (used + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + extra));
            }
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, used);
        }
    }
}
