package org.strata.server.ingest.read;

import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;
import org.strata.server.ingest.mapping.ColumnMapping;
import org.strata.server.ingest.record.RowParser;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/** Parsed rows of a CSV or Excel table: reads one row ahead so that {@link #hasNext()} is exact. */
final class TableParsedRows<T> implements ParsedRows<T> {

    private final ImportKind kind;
    private final TableSource table;
    private final ColumnMapping mapping;
    private final RowParser<T> parser;
    private final MappedRow row;
    private final char delimiter;
    private final Deque<TableSource.TableRow> readAhead;
    private final long headerLine;
    private ImportFileException brokenAfterReadAhead;
    private TableSource.TableRow pending;
    private boolean done;
    private long rowsRead;

    TableParsedRows(ImportKind kind, TableSource table, HeaderRow header, ColumnMapping mapping, RowParser<T> parser,
                    char delimiter) {
        this.kind = kind;
        this.readAhead = header.rowsAfter();
        this.headerLine = header.line();
        this.brokenAfterReadAhead = header.brokenAfter();
        this.table = table;
        this.mapping = mapping;
        this.parser = parser;
        this.row = new MappedRow(mapping);
        this.delimiter = delimiter;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done) {
            if (readAhead.isEmpty() && brokenAfterReadAhead != null) {
                ImportFileException broken = brokenAfterReadAhead;
                brokenAfterReadAhead = null;
                done = true;
                throw broken;
            }
            try {
                pending = readAhead.isEmpty() ? table.next() : readAhead.poll();
            } catch (ImportFileException e) {
                done = true;  // the reader cannot go on after a break-off; asking again must not re-read
                throw e;
            }
            done = pending == null;
        }
        return pending != null;
    }

    @Override
    public ParsedRow<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TableSource.TableRow raw = pending;
        pending = null;
        rowsRead++;
        ParsedRow<T> parsed = parser.parse(row.at(raw.line(), raw.cells()));
        int width = mapping.headers().size();
        // Only CSV: cells right of an Excel table are separate cells (notes, totals), not a split value.
        int extraValues = table.format() == SourceFormat.CSV ? raw.nonBlankCellsFrom(width) : 0;
        if (extraValues == 0) {
            return parsed;
        }
        // Values beyond the header usually mean a delimiter inside an unquoted value shifted the columns, so the
        // values that did parse may be in the wrong fields: the row is rejected even when they look valid.
        List<RowError> errors = new ArrayList<>(parsed.errors());
        errors.add(0, new RowError(raw.line(), width + 1, null, null,
                ImportMessages.extraValues(raw.nonBlankCells(), width, delimiter)));
        return new ParsedRow<>(raw.line(), null, List.copyOf(errors));
    }

    @Override
    public ImportKind kind() {
        return kind;
    }

    @Override
    public SourceFormat format() {
        return table.format();
    }

    @Override
    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public Charset encoding() {
        return table.encoding();
    }

    @Override
    public long bytesRead() {
        return done ? Math.max(table.bytesRead(), table.totalBytes()) : table.bytesRead();
    }

    @Override
    public long totalBytes() {
        return table.totalBytes();
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        table.close();
    }
}
