package org.strata.server.ingest;

import java.util.List;

/**
 * Every reason text an import can give a user, in one place, so that a zh-CN translation can replace this class's
 * constants (or become a resource bundle) without hunting through parsers. Each reason says what is wrong and what
 * would be right.
 */
public final class ImportMessages {

    private ImportMessages() {
    }

    public static final String NOT_A_DATE =
            "not a date; expected e.g. 2026-03-01, 2026/3/1, 20260301, 2026-03-01 14:05:00, 2026年3月1日, "
                    + "2026-03-01T14:05:00+08:00 or an Excel serial date such as 46082";
    public static final String NOT_AN_AMOUNT =
            "not an amount; expected a number such as 1234.50, 1,234.50, ¥1,234.50 or 1234.5元";
    public static final String NEGATIVE_AMOUNT =
            "must not be negative; record returns in refund_amount or with status refunded";
    public static final String NEGATIVE_PRICE = "must not be negative; a unit price is 0 or more";
    public static final String NOT_A_QUANTITY = "not a quantity; expected a number such as 3, -1 (a return) or 2.5";
    public static final String TOO_LARGE = "too large; at most 16 digits before the decimal point";
    public static final String NOT_A_PHONE =
            "not a phone number; expected a mainland mobile such as 13800138000 or +86 138 0013 8000, "
                    + "a landline with area code such as (021) 6123-4567, or an international number starting with +";
    public static final String NOT_AN_EMAIL = "not an email address; expected name@example.cn without spaces";
    public static final String NOT_A_CUSTOMER_TYPE = "unknown customer type; expected 个人/person or 企业/公司/company";
    public static final String NOT_A_STATUS = "unknown order status; expected 已完成/completed, 待付款/pending, "
            + "部分退款/partially_refunded, 已退款/refunded or 已取消/cancelled";
    public static final String NOT_A_CURRENCY = "not a currency; expected a 3-letter ISO code such as CNY or USD";
    public static final String COST_AND_MARGIN_DISAGREE = "cost and margin disagree: cost + margin must equal amount";
    public static final String NOT_A_YES_NO = "not a yes/no; expected 是/否, true/false, yes/no or 1/0";
    public static final String NOT_AN_OBJECT = "must be a JSON object of names to values";
    public static final String NOT_A_SCALAR = "must be a text, number or boolean, not an object or array";
    public static final String TOO_LONG = "too long; at most %d characters";

    public static String required(String field) {
        return field + " is required";
    }

    public static String refundExceedsAmount(String amount) {
        return "refund is larger than the order amount (" + amount + "); a refund is at most the amount";
    }

    public static String tooLong(int max) {
        return String.format(TOO_LONG, max);
    }

    public static String noCustomerKey(String alternatives) {
        return "no customer key; give at least one of " + alternatives;
    }

    public static String extraValues(int values, int headers, char delimiter) {
        return "row has " + values + " values but the header has " + headers + " columns; a value probably contains "
                + "the delimiter '" + printable(delimiter) + "' without quotes (quote it, e.g. \"1,234.50\")";
    }

    public static String unknownJsonField(String name, String expected) {
        return "unknown field \"" + name + "\"; expected one of " + expected;
    }

    // --- Problems of a whole file (thrown as ImportFileException) ---

    public static String notReadable(String file, String whatItIs) {
        return file + " is not a CSV or Excel file but " + whatItIs
                + "; expected CSV text (UTF-8 or GBK) or an Excel .xlsx workbook";
    }

    public static final String BINARY_DATA = "binary data (it contains control bytes that text never has)";
    public static final String ZIP_ARCHIVE = "a ZIP archive";

    public static String legacyExcel(String file) {
        return file + " is a legacy Excel .xls file or a password-protected workbook; open it in Excel and save it as "
                + ".xlsx (without password) or as CSV UTF-8";
    }

    public static String namedXlsxButIsNot(String file) {
        return file + " is named .xlsx but is not an Excel workbook; save it again from Excel";
    }

    public static String emptyFile(String file) {
        return file + " is empty; expected a header row (e.g. order_id,customer_id,ordered_at,amount) followed by one "
                + "row per record";
    }

    public static String csvBrokenOff(String cause) {
        return "the CSV cannot be read from here on: " + cause + "; check that every quoted value has its closing "
                + "quote (\")";
    }

    public static String workbookUnreadable(String file, String cause) {
        return file + " cannot be opened as an Excel workbook: " + cause + "; save it again from Excel as .xlsx";
    }

    public static String noSuchSheet(String file, String sheet, List<String> sheets) {
        return file + " has no sheet \"" + sheet + "\"; sheets: " + String.join(", ", sheets)
                + " (give a name or a number from 1)";
    }

    public static String unknownEncoding(String name) {
        return "unknown encoding \"" + name + "\"; use e.g. UTF-8, GBK, GB18030 or UTF-16";
    }

    public static String unusableDelimiter(String delimiter) {
        return "delimiter \"" + delimiter + "\" is not usable; give one character such as , ; | or tab";
    }

    public static String malformedMappingEntry(String entry, String where) {
        return "mapping entry \"" + entry + "\" in " + where + " is not field=header; write e.g. customer_id=客户编号 "
                + "or amount=3 (a 1-based column number)";
    }

    public static String mappingUnknownField(String field, String kind, String fields) {
        return "the mapping names the unknown field \"" + field + "\"; fields of " + kind + " are: " + fields;
    }

    public static String mappingColumnOutOfRange(String field, String ref, int number, int columns) {
        return "the mapping " + field + "=" + ref + " names column " + number + " but the file has " + columns
                + " columns";
    }

    public static String mappingNoSuchHeader(String field, String ref, List<String> headers) {
        return "the mapping " + field + "=" + ref + " names no header of the file; headers found: "
                + String.join(", ", headers);
    }

    public static String noColumnFor(String field, List<String> acceptedHeaders) {
        return "no column for " + field + " (accepted headers: " + String.join(", ", acceptedHeaders) + ")";
    }

    public static String noCustomerColumn(String keys, List<String> exampleHeaders) {
        return "no column that identifies the customer; need one of " + keys + " (e.g. headers "
                + String.join(", ", exampleHeaders) + ")";
    }

    public static String missingColumns(String kind, List<String> problems, List<String> headers, String exampleField) {
        return "missing required columns for " + kind + ": " + String.join("; ", problems) + ". Headers found: "
                + String.join(", ", headers) + ". Rename a header or map it, e.g. --mapping " + exampleField
                + "=<header or column number>";
    }

    static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }
}
