package org.strata.server.ingest;

/**
 * The whole file (or upload) cannot be imported: it is empty, not a CSV or Excel file, its encoding is unknown, a
 * required column is missing, the mapping names an unknown field or header, or the CSV breaks off inside a quoted
 * value. The message says what is wrong and what would be right; {@link #line()} says where when it is known.
 * Row-level problems are never thrown: they are {@link RowError}s on a rejected {@link ParsedRow}.
 */
public class ImportFileException extends RuntimeException {

    private final long line;

    public ImportFileException(String message) {
        this(0, message, null);
    }

    public ImportFileException(long line, String message, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
    }

    /** 1-based file line the problem was found at, or 0 when it concerns the file as a whole. */
    public long line() {
        return line;
    }
}
