package org.strata.engine.csv;

/**
 * A problem in an input file, naming the file, the line (1 = header) and, when it is about one value, the column
 * (1-based, with its header name), and saying what would be right.
 */
public final class CsvException extends RuntimeException {

    private final String file;
    private final long line;
    private final int column;
    private final String columnName;
    private final String problem;

    public CsvException(String file, long line, int column, String problem) {
        this(file, line, column, null, problem);
    }

    public CsvException(String file, long line, int column, String columnName, String problem) {
        super(format(file, line, column, columnName, problem));
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

    /** The same problem with the line moved by {@code lines} (a part of a file parsed on its own counted from 0). */
    CsvException shifted(long lines) {
        return new CsvException(file, line + lines, column, columnName, problem);
    }

    private static String format(String file, long line, int column, String columnName, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
            if (columnName != null) {
                where.append(" (").append(columnName).append(')');
            }
        }
        return where.append(": ").append(problem).toString();
    }
}
