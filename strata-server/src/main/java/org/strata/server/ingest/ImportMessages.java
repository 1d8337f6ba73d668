package org.strata.server.ingest;

import org.strata.engine.i18n.Message;

import java.util.List;

/**
 * Every reason an import can give a user, in one place. Each is a {@link Message} (a stable {@link ImportError} code
 * with its arguments) whose words live in {@code org/strata/server/ingest/errors*.properties}, English and Chinese;
 * whoever reads it — the CLI, an API client, the console — sees it in their language. Each reason says what is wrong
 * and what would be right.
 */
public final class ImportMessages {

    private ImportMessages() {
    }

    public static final Message NOT_A_DATE = ImportError.NOT_A_DATE.with();
    public static final Message NOT_AN_AMOUNT = ImportError.NOT_AN_AMOUNT.with();
    public static final Message NEGATIVE_AMOUNT = ImportError.NEGATIVE_AMOUNT.with();
    public static final Message NEGATIVE_PRICE = ImportError.NEGATIVE_PRICE.with();
    public static final Message NOT_A_QUANTITY = ImportError.NOT_A_QUANTITY.with();
    public static final Message TOO_LARGE = ImportError.TOO_LARGE.with();
    public static final Message NOT_A_PHONE = ImportError.NOT_A_PHONE.with();
    public static final Message NOT_AN_EMAIL = ImportError.NOT_AN_EMAIL.with();
    public static final Message NOT_A_CUSTOMER_TYPE = ImportError.NOT_A_CUSTOMER_TYPE.with();
    public static final Message NOT_A_STATUS = ImportError.NOT_A_STATUS.with();
    public static final Message NOT_A_CURRENCY = ImportError.NOT_A_CURRENCY.with();
    public static final Message COST_AND_MARGIN_DISAGREE = ImportError.COST_AND_MARGIN_DISAGREE.with();
    public static final Message NOT_A_YES_NO = ImportError.NOT_A_YES_NO.with();
    public static final Message NOT_AN_OBJECT = ImportError.NOT_AN_OBJECT.with();
    public static final Message NOT_A_SCALAR = ImportError.NOT_A_SCALAR.with();

    public static Message required(String field) {
        return ImportError.REQUIRED.with(field);
    }

    public static Message refundExceedsAmount(String amount) {
        return ImportError.REFUND_EXCEEDS_AMOUNT.with(amount);
    }

    public static Message tooLong(int max) {
        return ImportError.TOO_LONG.with(max);
    }

    public static Message noCustomerKey(String alternatives) {
        return ImportError.NO_CUSTOMER_KEY.with(alternatives);
    }

    public static Message extraValues(int values, int headers, char delimiter) {
        return ImportError.EXTRA_VALUES.with(values, headers, printable(delimiter));
    }

    public static Message unknownJsonField(String name, String expected) {
        return ImportError.UNKNOWN_JSON_FIELD.with(name, expected);
    }

    // --- Problems of a whole file (thrown as ImportFileException) ---

    /** {@code file} is the file's name, or null when it has none ("the file"). */
    public static Message notReadable(String file, Message whatItIs) {
        return ImportError.NOT_READABLE.with(fileName(file), whatItIs);
    }

    public static final Message BINARY_DATA = ImportError.BINARY_DATA.with();
    public static final Message ZIP_ARCHIVE = ImportError.ZIP_ARCHIVE.with();

    public static Message image(String format) {
        return ImportError.IMAGE.with(format);
    }

    public static Message archive(String format) {
        return ImportError.ARCHIVE.with(format);
    }

    public static final Message PDF = ImportError.PDF.with();

    public static Message legacyExcel(String file) {
        return ImportError.LEGACY_EXCEL.with(fileName(file));
    }

    public static Message namedXlsxButIsNot(String file) {
        return ImportError.NAMED_XLSX_BUT_IS_NOT.with(fileName(file));
    }

    public static Message emptyFile(String file) {
        return ImportError.EMPTY_FILE.with(fileName(file));
    }

    public static Message csvBrokenOff(String cause) {
        return ImportError.CSV_BROKEN_OFF.with(cause);
    }

    public static Message workbookUnreadable(String file, String cause) {
        return ImportError.WORKBOOK_UNREADABLE.with(fileName(file), cause);
    }

    public static Message noSuchSheet(String file, String sheet, List<String> sheets) {
        return ImportError.NO_SUCH_SHEET.with(fileName(file), sheet, sheets);
    }

    public static Message unknownEncoding(String name) {
        return ImportError.UNKNOWN_ENCODING.with(name);
    }

    public static Message unusableDelimiter(String delimiter) {
        return ImportError.UNUSABLE_DELIMITER.with(delimiter);
    }

    public static Message malformedMappingEntry(String entry, String where) {
        return ImportError.MALFORMED_MAPPING_ENTRY.with(entry, where);
    }

    public static Message mappingUnknownField(String field, Message kind, String fields) {
        return ImportError.MAPPING_UNKNOWN_FIELD.with(field, kind, fields);
    }

    public static Message mappingColumnOutOfRange(String field, String ref, int number, int columns) {
        return ImportError.MAPPING_COLUMN_OUT_OF_RANGE.with(field, ref, number, columns);
    }

    public static Message mappingNoSuchHeader(String field, String ref, List<String> headers) {
        return ImportError.MAPPING_NO_SUCH_HEADER.with(field, ref, headers);
    }

    public static Message noColumnFor(String field, List<String> acceptedHeaders) {
        return ImportError.NO_COLUMN_FOR.with(field, acceptedHeaders);
    }

    public static Message noCustomerColumn(String keys, List<String> exampleHeaders) {
        return ImportError.NO_CUSTOMER_COLUMN.with(keys, exampleHeaders);
    }

    public static Message missingColumns(Message kind, List<Message> problems, List<String> headers,
                                         String exampleField) {
        return ImportError.MISSING_COLUMNS.with(kind, problems, headers, exampleField);
    }

    /** The kind of records in words: "orders" / "订单". */
    public static Message kind(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> ImportError.KIND_CUSTOMERS.with();
            case ORDERS -> ImportError.KIND_ORDERS.with();
            case ORDER_LINES -> ImportError.KIND_ORDER_LINES.with();
            case EVENTS -> ImportError.KIND_EVENTS.with();
        };
    }

    private static Object fileName(String file) {
        return file == null ? ImportError.THE_FILE.with() : file;
    }

    static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }
}
