package org.strata.engine.csv;

import org.strata.engine.i18n.MessageBundles;
import org.strata.engine.i18n.MessageKey;

/** Problems of the batch CSV readers (orders and customers for scoring without a server); texts in the engine bundle. */
public enum CsvError implements MessageKey {
    IN_FILE("csv.error.in_file", "file", "problem"),
    AT_LINE("csv.error.at_line", "file", "line", "problem"),
    AT_COLUMN("csv.error.at_column", "file", "line", "column", "problem"),
    AT_NAMED_COLUMN("csv.error.at_named_column", "file", "line", "column", "name", "problem"),
    CUSTOMER_ID_EMPTY("csv.error.customer_id_empty"),
    CUSTOMER_TWICE("csv.error.customer_twice", "id"),
    CUSTOMERS_EMPTY("csv.error.customers_empty"),
    ORDERS_EMPTY("csv.error.orders_empty"),
    NOT_A_DATE("csv.error.not_a_date", "value"),
    NOT_AN_ORDER_TIME("csv.error.not_an_order_time", "value"),
    NO_CUSTOMER_ID_COLUMN("csv.error.no_customer_id_column", "header"),
    HEADER_LACKS("csv.error.header_lacks", "header", "missing"),
    MISSING_CUSTOMER("csv.error.missing.customer"),
    MISSING_TIME("csv.error.missing.time"),
    MISSING_AMOUNT("csv.error.missing.amount"),
    FIELD_COUNT("csv.error.field_count", "fields", "headers"),
    UNKNOWN_STATUS("csv.error.unknown_status", "value"),
    EMPTY_AMOUNT("csv.error.empty_amount"),
    NOT_AN_AMOUNT("csv.error.not_an_amount", "value");

    private final Definition definition;

    CsvError(String code, String... parameters) {
        this.definition = new Definition(MessageBundles.ENGINE, code, parameters);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
