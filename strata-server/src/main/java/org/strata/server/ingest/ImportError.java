package org.strata.server.ingest;

import org.strata.engine.i18n.MessageKey;

/** Why an import refused a file, a row or a JSON item; texts in org/strata/server/ingest/errors*.properties. */
public enum ImportError implements MessageKey {
    NOT_A_DATE("import.error.not_a_date"),
    NOT_AN_AMOUNT("import.error.not_an_amount"),
    NEGATIVE_AMOUNT("import.error.negative_amount"),
    NEGATIVE_PRICE("import.error.negative_price"),
    NOT_A_QUANTITY("import.error.not_a_quantity"),
    TOO_LARGE("import.error.too_large"),
    NOT_A_PHONE("import.error.not_a_phone"),
    NOT_AN_EMAIL("import.error.not_an_email"),
    NOT_A_CUSTOMER_TYPE("import.error.not_a_customer_type"),
    NOT_A_STATUS("import.error.not_a_status"),
    NOT_A_CURRENCY("import.error.not_a_currency"),
    COST_AND_MARGIN_DISAGREE("import.error.cost_and_margin_disagree"),
    NOT_A_YES_NO("import.error.not_a_yes_no"),
    NOT_AN_OBJECT("import.error.not_an_object"),
    NOT_A_SCALAR("import.error.not_a_scalar"),
    TOO_LONG("import.error.too_long", "max"),
    VALUE_TOO_LONG("import.error.value_too_long", "length", "max"),
    REQUIRED("import.error.required", "field"),
    REFUND_EXCEEDS_AMOUNT("import.error.refund_exceeds_amount", "amount"),
    NO_CUSTOMER_KEY("import.error.no_customer_key", "keys"),
    EXTRA_VALUES("import.error.extra_values", "values", "headers", "delimiter"),
    UNKNOWN_JSON_FIELD("import.error.unknown_json_field", "field", "expected"),
    CUSTOMER_NEEDS_KEY("import.error.customer_needs_key"),
    NOT_PERSON_OR_COMPANY("import.error.not_person_or_company"),
    NOT_READABLE("import.error.not_readable", "file", "found"),
    BINARY_DATA("import.error.binary_data"),
    ZIP_ARCHIVE("import.error.zip_archive"),
    IMAGE("import.error.image", "format"),
    PDF("import.error.pdf"),
    ARCHIVE("import.error.archive", "format"),
    THE_FILE("import.error.the_file"),
    KIND_CUSTOMERS("import.error.kind.customers"),
    KIND_ORDERS("import.error.kind.orders"),
    KIND_ORDER_LINES("import.error.kind.order_lines"),
    KIND_EVENTS("import.error.kind.events"),
    UNKNOWN_KIND("import.error.unknown_kind", "kind", "kinds"),
    SOURCE_TOO_LONG("import.error.source_too_long", "source"),
    DEFAULT_CURRENCY("import.error.default_currency", "currency"),
    LEGACY_EXCEL("import.error.legacy_excel", "file"),
    NAMED_XLSX_BUT_IS_NOT("import.error.named_xlsx_but_is_not", "file"),
    EMPTY_FILE("import.error.empty_file", "file"),
    CSV_BROKEN_OFF("import.error.csv_broken_off", "cause"),
    WORKBOOK_UNREADABLE("import.error.workbook_unreadable", "file", "cause"),
    NO_SUCH_SHEET("import.error.no_such_sheet", "file", "sheet", "sheets"),
    UNKNOWN_ENCODING("import.error.unknown_encoding", "encoding"),
    UNUSABLE_DELIMITER("import.error.unusable_delimiter", "delimiter"),
    MALFORMED_MAPPING_ENTRY("import.error.malformed_mapping_entry", "entry", "where"),
    MAPPING_UNKNOWN_FIELD("import.error.mapping_unknown_field", "field", "kind", "fields"),
    MAPPING_COLUMN_OUT_OF_RANGE("import.error.mapping_column_out_of_range", "field", "ref", "number", "columns"),
    MAPPING_NO_SUCH_HEADER("import.error.mapping_no_such_header", "field", "ref", "headers"),
    NO_COLUMN_FOR("import.error.no_column_for", "field", "headers"),
    NO_CUSTOMER_COLUMN("import.error.no_customer_column", "keys", "examples"),
    MISSING_COLUMNS("import.error.missing_columns", "kind", "problems", "headers", "example"),
    BATCH_TOO_LARGE("import.error.batch_too_large", "max", "items"),
    REPORT_LINE("import.error.report.line"),
    REPORT_COLUMN("import.error.report.column"),
    REPORT_FIELD("import.error.report.field"),
    REPORT_VALUE("import.error.report.value"),
    REPORT_REASON("import.error.report.reason"),
    LINE("import.error.line", "line", "problem"),
    INTERRUPTED("import.error.interrupted"),
    /** A bulk load is one transaction: when it stops, it leaves nothing behind. */
    NOTHING_STORED_OF_BULK_LOAD("import.error.nothing_stored_of_bulk_load", "problem");

    /** The base name of the bundle these texts are in. */
    public static final String BUNDLE = "org.strata.server.ingest.errors";

    private final Definition definition;

    ImportError(String code, String... parameters) {
        this.definition = new Definition("org.strata.server.ingest.errors", code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
