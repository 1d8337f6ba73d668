package org.strata.server.sql;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format ({@link BinaryRows}) as an input stream for the driver's
 * {@code copyIn}, formatted while COPY sends them, a few hundred rows at a time (like {@link CopyCsv}).
 */
final class CopyBinary extends InputStream {

    private static final int ROWS_PER_CHUNK = 256;

    /** PostgreSQL counts time from 2000-01-01T00:00Z. */
    static final long POSTGRES_EPOCH_SECONDS = BinaryRows.POSTGRES_EPOCH_SECONDS;

    private final BinaryRows encoder;
    private final List<Object[]> rows;
    private int position;
    private int nextRow;
    private boolean headerWritten;
    private boolean trailerWritten;

    /** @param columnDefinitions "name TYPE" each, in the order of the rows' values */
    CopyBinary(List<String> columnDefinitions, List<Object[]> rows) {
        this.encoder = new BinaryRows(columnDefinitions);
        this.rows = rows;
    }

    /** The COPY that reads these rows into {@code table} ({@link BinaryRows#copyStatement}). */
    String copyStatement(String table, String options) {
        return encoder.copyStatement(table, options);
    }

    static long microsSincePostgresEpoch(OffsetDateTime time) {
        return BinaryRows.microsSincePostgresEpoch(time);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position == encoder.length() && !formatNextChunk()) {
            return -1;
        }
        int n = Math.min(count, encoder.length() - position);
        System.arraycopy(encoder.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean formatNextChunk() {
        encoder.clear();
        position = 0;
        if (!headerWritten) {
            encoder.putHeader();
            headerWritten = true;
        }
        for (int end = Math.min(rows.size(), nextRow + ROWS_PER_CHUNK); nextRow < end; nextRow++) {
            encoder.putRow(rows.get(nextRow));
        }
        if (nextRow == rows.size() && !trailerWritten) {
            encoder.putTrailer();
            trailerWritten = true;
        }
        return encoder.length() > 0;
    }
}
