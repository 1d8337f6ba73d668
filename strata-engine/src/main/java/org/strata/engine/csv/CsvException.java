package org.strata.engine.csv;

import org.strata.engine.i18n.LocalizedText;
import org.strata.engine.i18n.Message;

import java.util.Locale;

/**
 * A problem in an input file, naming the file, the line (1 = header) and, when it is about one value, the column
 * (1-based, with its header name), and saying what would be right — in the reader's language via
 * {@link #text(Locale)}; {@link #getMessage()} is English.
 */
public final class CsvException extends RuntimeException implements LocalizedText {

    private final String file;
    private final long line;
    private final int column;
    private final String columnName;
    private final transient Message problem;

    public CsvException(String file, long line, int column, Message problem) {
        this(file, line, column, null, problem);
    }

    public CsvException(String file, long line, int column, String columnName, Message problem) {
        super(located(file, line, column, columnName, problem).english());
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** 1-based column, 0 when the problem is about the whole line or file. */
    public int column() {
        return column;
    }

    @Override
    public String code() {
        return problem.code();
    }

    @Override
    public String text(Locale locale) {
        return located(file, line, column, columnName, problem).text(locale);
    }

    /** The same problem with the line moved by {@code lines} (a part of a file parsed on its own counted from 0). */
    CsvException shifted(long lines) {
        return new CsvException(file, line + lines, column, columnName, problem);
    }

    private static Message located(String file, long line, int column, String columnName, Message problem) {
        if (line <= 0) {
            return CsvError.IN_FILE.with(file, problem);
        }
        if (column <= 0) {
            return CsvError.AT_LINE.with(file, line, problem);
        }
        return columnName == null ? CsvError.AT_COLUMN.with(file, line, column, problem)
                : CsvError.AT_NAMED_COLUMN.with(file, line, column, columnName, problem);
    }
}
