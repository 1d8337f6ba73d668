package org.strata.server.ingest;

import org.strata.server.ingest.read.ParsedRows;

import java.util.Iterator;
import java.util.List;

/**
 * Parsed rows handed to {@link ImportService} one at a time, so that a file of any size is imported in bounded
 * memory. Reading may throw {@link ImportFileException} when the file as a whole cannot be read further.
 */
public interface RowSource<T> extends Iterator<ParsedRow<T>>, AutoCloseable {

    /** Bytes of the input consumed so far, or -1 when unknown. */
    long bytesRead();

    /** Size of the input in bytes, or -1 when unknown. */
    long bytesTotal();

    @Override
    void close();

    /** The rows of a file opened with {@link org.strata.server.ingest.read.ImportReaders}. */
    static <T> RowSource<T> of(ParsedRows<T> rows) {
        return new RowSource<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ParsedRow<T> next() {
                return rows.next();
            }

            @Override
            public long bytesRead() {
                return rows.bytesRead();
            }

            @Override
            public long bytesTotal() {
                return rows.totalBytes();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** Rows already in memory (REST batches, tests). */
    static <T> RowSource<T> of(List<ParsedRow<T>> rows) {
        Iterator<ParsedRow<T>> iterator = rows.iterator();
        return new RowSource<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public ParsedRow<T> next() {
                return iterator.next();
            }

            @Override
            public long bytesRead() {
                return -1;
            }

            @Override
            public long bytesTotal() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }
}
