package org.strata.server.ingest.read;

import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.mapping.ColumnMapping;

import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * The rows of one file, parsed one at a time as they are read: nothing is kept per row, so a file of millions of
 * rows is read with bounded memory. Blank rows are skipped. {@link #next()} may throw
 * {@link org.strata.server.ingest.ImportFileException} when the file breaks off (e.g. a quote that never closes);
 * rows already returned stay valid. Not thread-safe, except {@link #bytesRead()} which a progress display may poll
 * from another thread.
 */
public interface ParsedRows<T> extends Iterator<ParsedRow<T>>, AutoCloseable {

    ImportKind kind();

    SourceFormat format();

    /** The mapping resolved from the header row (and the explicit mapping); show it with {@link ColumnMapping#describe()}. */
    ColumnMapping mapping();

    /** Where the header is: line 1 unless title rows stand above it. */
    long headerLine();

    /** The encoding the CSV is read in (given or detected); null for Excel files. */
    Charset encoding();

    /** Bytes of the file consumed so far (for Excel an estimate from the row position); for a progress bar. */
    long bytesRead();

    /** Size of the file in bytes, or -1 when unknown (an upload of unknown length). */
    long totalBytes();

    /** Data rows returned so far (blank rows not counted). */
    long rowsRead();

    @Override
    void close();
}
