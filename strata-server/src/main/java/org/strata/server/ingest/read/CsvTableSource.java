package org.strata.server.ingest.read;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * CSV rows (RFC 4180) with the file line where each starts, even when quoted values hold line breaks. Read with
 * FastCSV, which reads a million-row file in about half the CPU of Commons CSV (the import's reader thread is what
 * bounds staging a large file). Empty lines are not skipped by the parser but here, so that a broken record's line
 * can be told: it starts after the line breaks of every record before it.
 */
final class CsvTableSource implements TableSource {

    private final CountingInputStream counted;
    private final long totalBytes;
    private final Charset encoding;
    private final String fileName;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    /** The last record read, whose end tells where a broken one starts. */
    private CsvRecord previous;

    /** @param in positioned after the BOM, if any; counts every byte of the file read so far */
    CsvTableSource(CountingInputStream in, long totalBytes, Charset encoding, char delimiter, String fileName) {
        this.counted = in;
        this.totalBytes = totalBytes;
        this.encoding = encoding;
        this.fileName = fileName;
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                // as RFC 4180 and Commons CSV before: text after a closing quote, or a quote never closed, is an error
                .allowExtraCharsAfterClosingQuote(false)
                .allowUnclosedQuote(false)
                .trimWhitespacesAroundQuotes(false)
                .detectBomHeader(false)
                .ofCsvRecord(new InputStreamReader(in, encoding));
        this.records = reader.iterator();
    }

    @Override
    public TableRow next() {
        while (true) {
            CsvRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (CsvParseException | UncheckedIOException e) {
                throw new ImportFileException(lineAfter(previous), ImportMessages.csvBrokenOff(rootMessage(e)), e);
            }
            previous = record;
            String[] cells = record.getFields().toArray(String[]::new);
            if (isBlank(cells)) {
                continue;
            }
            return new TableRow(record.getStartingLineNumber(), cells);
        }
    }

    /**
     * The line after {@code record} (the first line when there is none): its starting line plus the line breaks inside
     * its quoted values, where CRLF, CR and LF each end one line. Empty lines are records too, so nothing is skipped.
     */
    private static long lineAfter(CsvRecord record) {
        if (record == null) {
            return 1;
        }
        long breaks = 0;
        for (int f = 0; f < record.getFieldCount(); f++) {
            String field = record.getField(f);
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n')) {
                    breaks++;
                }
            }
        }
        return record.getStartingLineNumber() + breaks + 1;
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.CSV;
    }

    @Override
    public Charset encoding() {
        return encoding;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }
}
