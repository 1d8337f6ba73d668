package org.strata.engine.csv;

/**
 * Splits bytes of a plain CSV (UTF-8, comma-separated, no quotes; LF or CRLF) into rows and fields for an
 * {@link OrderRowParser} without creating any object per row. A field that starts with a quote means the file needs
 * the general CSV reader: the scanner then gives up with {@link QuotedFieldFound}.
 */
final class FastCsvScanner {

    /** Thrown when a quoted field is found; the caller reads the whole file with the general reader instead. */
    static final class QuotedFieldFound extends RuntimeException {
        QuotedFieldFound() {
            super(null, null, false, false);
        }
    }

    private FastCsvScanner() {
    }

    /**
     * Scans rows in {@code [from, to)} (starting at a line start); the first line is numbered {@code firstLine}.
     *
     * @return the number of lines scanned
     */
    static long scan(byte[] b, int from, int to, long firstLine, OrderRowParser parser) {
        int width = parser.fieldsPerRow() + 1;
        int[] start = new int[width];
        int[] end = new int[width];
        long line = firstLine;
        int p = from;
        while (p < to) {
            int fields = 0;
            boolean blank = true;
            while (true) {
                int fieldStart = p;
                if (p < to && b[p] == '"') {
                    throw new QuotedFieldFound();
                }
                while (p < to) {
                    byte c = b[p];
                    if (c == ',' || c == '\n') {
                        break;
                    }
                    p++;
                }
                int fieldEnd = p;
                boolean endOfLine = p >= to || b[p] == '\n';
                if (endOfLine && fieldEnd > fieldStart && b[fieldEnd - 1] == '\r') {
                    fieldEnd--;
                }
                if (fields < width) {
                    start[fields] = fieldStart;
                    end[fields] = fieldEnd;
                }
                fields++;
                blank &= fieldEnd == fieldStart;
                p++;
                if (endOfLine) {
                    break;
                }
            }
            if (!blank || fields > 1) {
                parser.row(b, start, end, Math.min(fields, width), line);
            }
            line++;
        }
        return line - firstLine;
    }
}
