package org.strata.server.sql;

import java.io.Reader;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rows as the CSV text PostgreSQL's COPY reads (NULL is an unquoted empty field, every value is quoted), formatted
 * while COPY sends them: a few hundred rows at a time, as the driver asks for more. PostgreSQL parses and stores one
 * chunk while the next is formatted, so the two cores work at the same time instead of the database waiting for a
 * whole batch to be formatted into one string first (and the batch's text never exists whole in the heap).
 */
final class CopyCsv extends Reader {

    private static final int ROWS_PER_CHUNK = 256;

    private final List<Object[]> rows;
    private final StringBuilder chunk = new StringBuilder(ROWS_PER_CHUNK * 128);
    private int nextRow;
    private int position;

    CopyCsv(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (position == chunk.length() && !formatNextChunk()) {
            return -1;
        }
        int count = Math.min(length, chunk.length() - position);
        chunk.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        // nothing to release: the rows belong to the caller
    }

    private boolean formatNextChunk() {
        chunk.setLength(0);
        position = 0;
        for (int end = Math.min(rows.size(), nextRow + ROWS_PER_CHUNK); nextRow < end; nextRow++) {
            appendRow(chunk, rows.get(nextRow));
        }
        return chunk.length() > 0;
    }

    private static void appendRow(StringBuilder out, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = row[i];
            if (value != null) {
                appendQuoted(out, text(value));
            }
        }
        out.append('\n');
    }

    private static String text(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toString();
        }
        return value.toString();
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
