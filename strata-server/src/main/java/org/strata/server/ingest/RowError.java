package org.strata.server.ingest;

import org.strata.engine.i18n.Message;

/**
 * Why one input row (or JSON item) was rejected, and where.
 *
 * @param line     1-based line of the file (the header is line 1); for JSON items, 0
 * @param column   1-based column of the file; 0 when the problem is the whole row
 * @param field    the target field (e.g. "amount"), or the JSON pointer (e.g. "/items/3/amount") for REST
 * @param value    the raw value as given (may be null)
 * @param reason   what is wrong and what would be right, e.g. "not a date; expected 2026-03-01, 2026/3/1, 20260301
 *                 ..." — a code with arguments, rendered in the reader's language
 */
public record RowError(long line, int column, String field, String value, Message reason) {

    /** A reason that has no translation (yet): shown as given in every language. */
    public RowError(long line, int column, String field, String value, String reason) {
        this(line, column, field, value, Message.literal(reason));
    }
}
