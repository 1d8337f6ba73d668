package org.strata.server.ingest;


import java.util.List;

/** Values longer than their column: reported as row errors instead of failing the whole batch in the database. */
public final class ColumnLimits {

    private ColumnLimits() {
    }

    public static void check(List<RowError> errors, long line, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new RowError(line, 0, field, value, ImportError.VALUE_TOO_LONG.with(value.length(), maxLength)));
        }
    }
}
