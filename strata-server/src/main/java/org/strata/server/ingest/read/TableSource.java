package org.strata.server.ingest.read;

import java.io.Closeable;
import java.nio.charset.Charset;
import java.util.List;

/** Rows of cells from a CSV or a sheet, before any mapping: the format-specific half of reading a file. */
interface TableSource extends Closeable {

    /** The header row's cells, trimmed; a blank header is named "column N". */
    List<String> headers();

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
     * @param line          1-based file line (CSV) or Excel row number where the row starts
     * @param cells         the values, null or as written (not yet trimmed)
     * @param extraValues   non-blank values beyond the header's columns (a sign of an unquoted delimiter), else 0
     */
    record TableRow(long line, String[] cells, int extraValues) {
    }

    static String headerName(String raw, int column) {
        String name = raw == null ? "" : raw.strip();
        if (name.startsWith("\uFEFF")) {
            name = name.substring(1).strip();
        }
        return name.isEmpty() ? "column " + (column + 1) : name;
    }
}
