package org.strata.server.sql;

import java.time.OffsetDateTime;
import java.util.List;

/** Rows as the CSV text PostgreSQL's COPY reads: NULL is an unquoted empty field, every value is quoted. */
final class CopyCsv {

    private CopyCsv() {
    }

    static String format(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row[i];
                if (value != null) {
                    appendQuoted(out, text(value));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toString();
        }
        return value.toString();
    }

    private static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
