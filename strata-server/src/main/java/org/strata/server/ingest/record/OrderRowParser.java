package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.mapping.OrderField;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.value.DateTimeValues;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Orders. order_id, ordered_at and amount are required; amounts are rounded half-up to cents and must not be
 * negative (zero is accepted; the quality report lists zero amounts). A row without any customer key is accepted
 * (the order still counts for the company's revenue; the quality report lists orders without a known customer).
 * <p>
 * Cost comes from the cost column, else from margin (cost = amount - margin). Status comes from the status column;
 * without one it follows from the refund: none → completed, part → partially_refunded, all → refunded. A status of
 * refunded without a refund amount means the whole amount was refunded.
 */
public final class OrderRowParser implements RowParser<OrderRecord> {

    private static final BigDecimal NO_REFUND = BigDecimal.ZERO.setScale(2);

    private final String source;
    private final String defaultCurrency;
    private final DateTimeValues dates;

    public OrderRowParser(ImportOptions options) {
        this.source = options.source();
        this.defaultCurrency = options.defaultCurrency();
        this.dates = new DateTimeValues(options.zone());
    }

    @Override
    public ParsedRow<OrderRecord> parse(RowInput row) {
        FieldReader in = new FieldReader(row, dates);
        String orderNo = in.requiredId(OrderField.ORDER_ID, 128);
        String customerRef = in.id(OrderField.CUSTOMER_ID, 128);
        String phone = in.phone(OrderField.CUSTOMER_PHONE);
        String email = in.email(OrderField.CUSTOMER_EMAIL);
        OffsetDateTime orderedAt = in.requiredDate(OrderField.ORDERED_AT);
        BigDecimal amount = in.required(OrderField.AMOUNT, in.amount(OrderField.AMOUNT));
        BigDecimal cost = cost(in, amount);
        String currency = Values.currency(in, OrderField.CURRENCY, defaultCurrency);
        String channel = in.text(OrderField.CHANNEL, 64);
        String givenStatus = status(in);
        BigDecimal refund = refund(in, amount, givenStatus);
        String status = givenStatus != null || amount == null || refund == null ? givenStatus
                : refund.signum() == 0 ? "completed" : refund.compareTo(amount) < 0 ? "partially_refunded" : "refunded";
        return in.result(() -> new OrderRecord(source, orderNo, customerRef, phone, email, orderedAt, amount,
                cost, refund, currency, channel, status));
    }

    /** The cost column, else amount - margin; null when neither is given. */
    private static BigDecimal cost(FieldReader in, BigDecimal amount) {
        BigDecimal cost = in.amount(OrderField.COST);
        BigDecimal margin = in.number(OrderField.MARGIN, 2, true, ImportMessages.NOT_AN_AMOUNT, null);
        return cost == null && margin != null && amount != null ? amount.subtract(margin) : cost;
    }

    /** The refund column (at most the amount); without one, all of it for a refunded order and none otherwise. */
    private static BigDecimal refund(FieldReader in, BigDecimal amount, String status) {
        BigDecimal refund = in.amount(OrderField.REFUND_AMOUNT);
        if (amount == null) {
            return refund;
        }
        if (refund == null) {
            return "refunded".equals(status) ? amount : NO_REFUND;
        }
        if (refund.compareTo(amount) > 0) {
            in.fail(OrderField.REFUND_AMOUNT, in.row().text(OrderField.REFUND_AMOUNT),
                    ImportMessages.refundExceedsAmount(amount.toPlainString()));
        }
        return refund;
    }

    private static String status(FieldReader in) {
        String raw = in.row().text(OrderField.STATUS);
        if (raw == null) {
            return null;
        }
        String status = Vocabulary.orderStatus(raw);
        if (status == null) {
            in.fail(OrderField.STATUS, raw, ImportMessages.NOT_A_STATUS);
        }
        return status;
    }
}
