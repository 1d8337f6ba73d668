package org.strata.server.ingest.read;

import java.io.Closeable;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Rows of cells from a CSV or a sheet, header included, before any mapping: the format-specific half of reading a
 * file. {@link HeaderRow} finds the header among the first rows.
 */
interface TableSource extends Closeable {

    /** The next row with at least one non-blank cell, or null at the end. */
    TableRow next();

    SourceFormat format();

    /** Null for Excel. */
    Charset encoding();

    long bytesRead();

    long totalBytes();

    @Override
    void close();

    /**
     * One row as read.
     *
     * @param line  1-based file line (CSV) or Excel row number where the row starts
     * @param cells the values, null or as written (not yet trimmed)
     */
    record TableRow(long line, String[] cells) {

        int nonBlankCells() {
            int count = 0;
            for (String cell : cells) {
                count += cell != null && !cell.isBlank() ? 1 : 0;
            }
            return count;
        }

        /** Non-blank values right of the first {@code width} columns. */
        int nonBlankCellsFrom(int width) {
            int count = 0;
            for (int c = width; c < cells.length; c++) {
                count += cells[c] != null && !cells[c].isBlank() ? 1 : 0;
            }
            return count;
        }
    }
}
