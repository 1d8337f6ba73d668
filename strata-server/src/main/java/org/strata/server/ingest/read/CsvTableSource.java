package org.strata.server.ingest.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * CSV rows with the file line where each starts, even when quoted values hold line breaks: Commons CSV counts the
 * line breaks it has consumed, so a record starts one line after the previous record ended. Empty lines are not
 * skipped by the parser (that would break the count) but here.
 */
final class CsvTableSource implements TableSource {

    private final CountingInputStream counted;
    private final long totalBytes;
    private final Charset encoding;
    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;

    /** @param in positioned after the BOM, if any; counts every byte of the file read so far */
    CsvTableSource(CountingInputStream in, long totalBytes, Charset encoding, char delimiter, String fileName)
            throws IOException {
        this.counted = in;
        this.totalBytes = totalBytes;
        this.encoding = encoding;
        this.fileName = fileName;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .get();
        this.parser = CSVParser.builder().setReader(new InputStreamReader(in, encoding)).setFormat(format).get();
        this.records = parser.iterator();
    }

    @Override
    public TableRow next() {
        while (true) {
            CSVRecord record;
            long start = linesConsumed + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportFileException(start, ImportMessages.csvBrokenOff(rootMessage(e)), e);
            }
            linesConsumed = parser.getCurrentLineNumber();
            String[] cells = record.values();
            if (isBlank(cells)) {
                continue;
            }
            return new TableRow(start, cells);
        }
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
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }
}
