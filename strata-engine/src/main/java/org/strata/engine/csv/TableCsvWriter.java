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
    /** Rows whose number cells are copied together before formatting: 24 columns of them fit the L2 cache. */
    private static final int STAGE_ROWS = 512;

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
        /** See {@link #fixedRowBytes(int[])}. */
        private final int fixedRowBytes;

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
            fixedRowBytes = fixedRowBytes(kinds);
        }

        /**
         * Formats rows {@code [from, to)}, a few hundred at a time: the number columns' values of those rows are
         * first copied into small arrays. Read in place, a row takes one value from each of two dozen 8 MB arrays,
         * more streams than the hardware prefetches, and the loop waited on memory for most of its time.
         */
        void rows(int from, int to, ByteSink sink) {
            double[][] staged = new double[kinds.length][];
            for (int c = 0; c < kinds.length; c++) {
                if (numbers[c] != null) {
                    staged[c] = new double[STAGE_ROWS];
                }
            }
            for (int first = from; first < to; first += STAGE_ROWS) {
                int rows = Math.min(STAGE_ROWS, to - first);
                for (int c = 0; c < kinds.length; c++) {
                    if (staged[c] != null) {
                        System.arraycopy(numbers[c], first, staged[c], 0, rows);
                    }
                }
                stagedRows(first, rows, staged, sink);
            }
        }

        /**
         * Room for a whole row's fixed-width cells is made once per row (text cells make room for themselves plus
         * that much again), so the cells below write without checks.
         */
        private void stagedRows(int first, int count, double[][] staged, ByteSink sink) {
            int[] kinds = this.kinds;
            int columns = kinds.length;
            for (int r = 0; r < count; r++) {
                int row = first + r;
                int at = sink.text(ids[row], fixedRowBytes);
                byte[] b = sink.bytes;
                for (int c = 0; c < columns; c++) {
                    b[at++] = ',';
                    switch (kinds[c]) {
                        case NUMBER -> at = CellFormat.number(b, at, staged[c][r]);
                        case NULLABLE_NUMBER -> {
                            if (!nulls[c].get(row)) {
                                at = CellFormat.number(b, at, staged[c][r]);
                            }
                        }
                        case TEXT -> {
                            String value = texts[c][row];
                            if (value != null) {
                                sink.used = at;
                                at = sink.text(value, fixedRowBytes);
                                b = sink.bytes;
                            }
                        }
                        case DATE -> {
                            if (!nulls[c].get(row)) {
                                int day = dates[c][row] - firstDay[c];
                                byte[][] days = formattedDays[c];
                                if (day >= 0 && day < days.length) {
                                    byte[] text = days[day];
                                    System.arraycopy(text, 0, b, at, text.length);
                                    at += text.length;
                                } else {
                                    at = CellFormat.date(b, at, dates[c][row]);
                                }
                            }
                        }
                        default -> {
                            if (!nulls[c].get(row)) {
                                at = CellFormat.ascii(b, at, booleans[c].get(row) ? "true" : "false");
                            }
                        }
                    }
                }
                b[at++] = '\n';
                sink.used = at;
            }
        }

        /** The most bytes a row's cells other than text take: a separator and the widest value per column, the line end. */
        private static int fixedRowBytes(int[] kinds) {
            int bytes = 1;
            for (int kind : kinds) {
                bytes += 1 + switch (kind) {
                    case NUMBER, NULLABLE_NUMBER -> CellFormat.NUMBER_WIDTH;
                    case DATE -> CellFormat.DATE_WIDTH;
                    case BOOLEAN -> "false".length();
                    default -> 0;
                };
            }
            return bytes;
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
            byte[] text = new byte[CellFormat.DATE_WIDTH];
            for (int day = 0; day < span; day++) {
                formattedDays[c][day] = Arrays.copyOf(text, CellFormat.date(text, 0, min + day));
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

    /** A growing byte buffer; the cells are formatted into it by {@link CellFormat}. */
    static final class ByteSink {
        private byte[] bytes;
        private int used;
        private char[] chars = new char[64];
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

        ByteSink ascii(String s) {
            int length = s.length();
            makeRoom(length);
            s.getBytes(0, length, bytes, used); // deprecated for non-Latin-1 text; callers pass ASCII only
            used += length;
            return this;
        }

        ByteSink text(String s) {
            used = text(s, 0);
            return this;
        }

        /**
         * Writes {@code s} (quoted when it holds a comma, quote or line break) and returns the position after it,
         * leaving room for {@code reserve} more bytes.
         */
        int text(String s, int reserve) {
            // one pass that checks and copies (millions of ids and segment names) over the chars copied out in bulk:
            // String.charAt per char is a call in C1-compiled code
            int length = s.length();
            makeRoom(length + reserve);
            if (chars.length < length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            char[] from = chars;
            s.getChars(0, length, from, 0);
            byte[] into = bytes;
            int at = used;
            for (int i = 0; i < length; i++) {
                char c = from[i];
                if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                    return escaped(s, reserve);
                }
                into[at + i] = (byte) c;
            }
            return at + length;
        }

        private int escaped(String s, int reserve) {
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0;
            byte[] utf8 = (quote ? '"' + s.replace("\"", "\"\"") + '"' : s).getBytes(StandardCharsets.UTF_8);
            makeRoom(utf8.length + reserve);
            System.arraycopy(utf8, 0, bytes, used, utf8.length);
            return used + utf8.length;
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
