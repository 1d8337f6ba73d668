package org.strata.server.ingest.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.strata.server.ingest.ImportError;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes rejected rows as a CSV error report — {@code line,column,field,value,reason}, one line per error — in UTF-8
 * with a BOM so that Excel on a Chinese Windows opens it with the right characters. The header and the reasons are
 * in the reader's language (the line, column, field and value are the file's own). Every row passed to
 * {@link #write(ParsedRow)} is also counted, so {@link #summary()} is ready when the import ends.
 * <p>
 * Values that Excel would run as a formula ({@code =1+1}, {@code @SUM(..)}) are written with a leading apostrophe:
 * the report holds whatever the uploaded file held, and opening it must not execute anything.
 */
public final class ErrorReportWriter implements Closeable {

    private static final List<ImportError> HEADER = List.of(ImportError.REPORT_LINE, ImportError.REPORT_COLUMN,
            ImportError.REPORT_FIELD, ImportError.REPORT_VALUE, ImportError.REPORT_REASON);

    private final CSVPrinter printer;
    private final ImportTally tally = new ImportTally();
    private final Locale locale;

    /** A report in English. */
    public ErrorReportWriter(OutputStream out) {
        this(out, Locale.ENGLISH);
    }

    public ErrorReportWriter(OutputStream out, Locale locale) {
        this.locale = locale;
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(HEADER.stream().map(key -> key.with().text(locale)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ErrorReportWriter create(Path file, Locale locale) throws IOException {
        return new ErrorReportWriter(Files.newOutputStream(file), locale);
    }

    /** Counts the row and, when it was rejected, writes its errors. */
    public void write(ParsedRow<?> row) {
        tally.count(row);
        for (RowError error : row.errors()) {
            write(error);
        }
    }

    /** Writes one error without counting a row (e.g. a file-level problem given a line). */
    public void write(RowError error) {
        try {
            printer.printRecord(error.line(), error.column() == 0 ? "" : error.column(), nullToEmpty(error.field()),
                    defused(error.value()), error.reason().text(locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a problem of the whole file (or one that stopped reading at a line) as a report line of its own. */
    public void write(ImportFileException problem) {
        write(new RowError(problem.line(), 0, null, null, problem.problem()));
    }

    public ImportSummary summary() {
        return tally.summary();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && (value.length() == 1 || !Character.isDigit(value.charAt(1)));
        return formula ? "'" + value : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
