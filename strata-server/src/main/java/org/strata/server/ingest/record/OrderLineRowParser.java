package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.OrderLineRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.mapping.OrderLineField;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.value.DateTimeValues;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Order lines. order_id, ordered_at, quantity and unit_price are required. Quantities may be negative (a return);
 * unit prices may not. Both are kept to 4 decimals. A line is cancelled when a cancelled column says so or, without
 * such a column, when its order id is a {@code C} followed by digits — the convention of UCI Online Retail and of
 * the ERP exports it comes from. Without a line_no column the line's key is its file line (or JSON item number),
 * which is stable for re-imports of the same file. Descriptions longer than 500 characters are cut, not rejected.
 */
public final class OrderLineRowParser implements RowParser<OrderLineRecord> {

    private final String source;
    private final String defaultCurrency;
    private final DateTimeValues dates;

    public OrderLineRowParser(ImportOptions options) {
        this.source = options.source();
        this.defaultCurrency = options.defaultCurrency();
        this.dates = new DateTimeValues(options.zone());
    }

    @Override
    public ParsedRow<OrderLineRecord> parse(RowInput row) {
        FieldReader in = new FieldReader(row, dates);
        String orderNo = in.requiredId(OrderLineField.ORDER_ID, 128);
        String lineNo = in.id(OrderLineField.LINE_NO, 64);
        String customerRef = in.id(OrderLineField.CUSTOMER_ID, 128);
        String phone = in.phone(OrderLineField.CUSTOMER_PHONE);
        String email = in.email(OrderLineField.CUSTOMER_EMAIL);
        OffsetDateTime orderedAt = in.requiredDate(OrderLineField.ORDERED_AT);
        String sku = in.text(OrderLineField.SKU, 128);
        String description = in.truncated(OrderLineField.DESCRIPTION, 500);
        BigDecimal quantity = in.required(OrderLineField.QUANTITY,
                in.number(OrderLineField.QUANTITY, 4, true, ImportMessages.NOT_A_QUANTITY, null));
        BigDecimal unitPrice = in.required(OrderLineField.UNIT_PRICE, in.number(OrderLineField.UNIT_PRICE, 4, false,
                ImportMessages.NOT_AN_AMOUNT, ImportMessages.NEGATIVE_PRICE));
        String currency = Values.currency(in, OrderLineField.CURRENCY, defaultCurrency);
        String channel = in.text(OrderLineField.CHANNEL, 64);
        boolean cancelled = cancelled(in, orderNo);
        return in.result(() -> new OrderLineRecord(source, orderNo,
                lineNo != null ? lineNo : String.valueOf(row.position()), customerRef, phone, email, orderedAt, sku,
                description, quantity, unitPrice, currency, channel, cancelled));
    }

    private static boolean cancelled(FieldReader in, String orderNo) {
        String raw = in.row().text(OrderLineField.CANCELLED);
        if (raw != null) {
            Boolean yes = Vocabulary.yesNo(raw);
            if (yes == null) {
                in.fail(OrderLineField.CANCELLED, raw, ImportMessages.NOT_A_YES_NO);
                return false;
            }
            return yes;
        }
        return orderNo != null && isCancellationInvoice(orderNo);
    }

    static boolean isCancellationInvoice(String orderNo) {
        if (orderNo.length() < 2 || orderNo.charAt(0) != 'C') {
            return false;
        }
        for (int i = 1; i < orderNo.length(); i++) {
            if (orderNo.charAt(i) < '0' || orderNo.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
