package org.strata.server.ingest.record;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.value.AmountValues;
import org.strata.server.ingest.value.DateTimeValues;
import org.strata.server.ingest.value.EmailValues;
import org.strata.server.ingest.value.IdValues;
import org.strata.server.ingest.value.PhoneValues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads typed values from one {@link RowInput} and collects every problem instead of stopping at the first, so
 * a rejected row lists all that is wrong with it. One instance per row.
 */
final class FieldReader {

    /** NUMERIC(18, x) holds 16 digits before the point when x is 2; the same limit for x = 4 keeps one rule. */
    private static final int MAX_WHOLE_DIGITS = 16;

    static final int MAX_ERROR_VALUE = 1000;

    private final RowInput row;
    private final DateTimeValues dates;
    private List<RowError> errors;

    FieldReader(RowInput row, DateTimeValues dates) {
        this.row = row;
        this.dates = dates;
    }

    RowInput row() {
        return row;
    }

    /** Trimmed text, at most {@code maxLength} characters; null when blank. */
    String text(TargetField field, int maxLength) {
        String value = row.text(field);
        if (value != null && value.length() > maxLength) {
            fail(field, value, ImportMessages.tooLong(maxLength));
            return null;
        }
        return value;
    }

    /** Like {@link #text} but cut to {@code maxLength}: for descriptive text that must not cost a row. */
    String truncated(TargetField field, int maxLength) {
        String value = row.text(field);
        return value != null && value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    String requiredText(TargetField field, int maxLength) {
        return required(field, text(field, maxLength));
    }

    /** An identifier: trimmed, {@code 17850.0} read as {@code 17850}. */
    String id(TargetField field, int maxLength) {
        String value = text(field, maxLength);
        return value == null ? null : IdValues.normalize(value);
    }

    String requiredId(TargetField field, int maxLength) {
        return required(field, id(field, maxLength));
    }

    OffsetDateTime date(TargetField field) {
        return parsed(field, dates::parse, ImportMessages.NOT_A_DATE);
    }

    OffsetDateTime requiredDate(TargetField field) {
        return required(field, date(field));
    }

    /** A money amount rounded half-up to {@code scale} decimals; null when blank or invalid (then an error is added). */
    BigDecimal number(TargetField field, int scale, boolean allowNegative, Message notANumber, Message negative) {
        String value = row.text(field);
        if (value == null) {
            return null;
        }
        BigDecimal parsed = AmountValues.parse(value);
        if (parsed == null) {
            fail(field, value, notANumber);
            return null;
        }
        if (!allowNegative && parsed.signum() < 0) {
            fail(field, value, negative);
            return null;
        }
        if (parsed.precision() - parsed.scale() > MAX_WHOLE_DIGITS) {
            fail(field, value, ImportMessages.TOO_LARGE);
            return null;
        }
        return parsed.scale() == scale ? parsed : parsed.setScale(scale, RoundingMode.HALF_UP);
    }

    BigDecimal amount(TargetField field) {
        return number(field, 2, false, ImportMessages.NOT_AN_AMOUNT, ImportMessages.NEGATIVE_AMOUNT);
    }

    String phone(TargetField field) {
        return parsed(field, PhoneValues::normalize, ImportMessages.NOT_A_PHONE);
    }

    String email(TargetField field) {
        return parsed(field, EmailValues::normalize, ImportMessages.NOT_AN_EMAIL);
    }

    /** The value read by {@code parser}; null when blank, or when the parser cannot read it (then {@code reason} is added). */
    private <V> V parsed(TargetField field, Function<String, V> parser, Message reason) {
        String value = row.text(field);
        if (value == null) {
            return null;
        }
        V parsed = parser.apply(value);
        if (parsed == null) {
            fail(field, value, reason);
        }
        return parsed;
    }

    <V> V required(TargetField field, V value) {
        if (value == null && row.text(field) == null) {
            fail(field, null, ImportMessages.required(field.fieldName()));
        }
        return value;
    }

    void fail(TargetField field, String raw, Message reason) {
        add(row.error(field, clipped(raw), reason));
    }

    /** Raw values in errors are cut to what an error report (and the import_errors table) keeps. */
    static String clipped(String raw) {
        return raw != null && raw.length() > MAX_ERROR_VALUE ? raw.substring(0, MAX_ERROR_VALUE - 1) + "…" : raw;
    }

    void failRow(Message reason) {
        add(row.rowError(reason));
    }

    private void add(RowError error) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(error);
    }

    boolean hasErrors() {
        return errors != null;
    }

    /** The accepted row with the record {@code build} makes, or, when any value was wrong, the rejected row. */
    <T> ParsedRow<T> result(Supplier<T> build) {
        return hasErrors() ? new ParsedRow<>(row.line(), null, errors()) : new ParsedRow<>(row.line(), build.get(), List.of());
    }

    /** In column order (whole-row errors first), so a report reads like the row from left to right. */
    List<RowError> errors() {
        if (errors == null) {
            return List.of();
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::column));
        return List.copyOf(errors);
    }
}
