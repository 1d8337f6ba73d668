package org.strata.server.ingest.store;

import org.springframework.stereotype.Component;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BatchWriter;
import org.strata.server.ingest.ColumnLimits;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.RowError;
import org.strata.server.sql.Upsert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders by (source, order number); the customer is looked up by the order's customer reference. */
@Component
class OrderWriter implements BatchWriter<OrderRecord> {

    static final String STAGE = "import_stage_orders";
    static final List<String> STAGE_COLUMNS = StagingArea.columns("source VARCHAR(64)", "order_no VARCHAR(128)",
            CustomerReference.STAGE_COLUMNS[0], CustomerReference.STAGE_COLUMNS[1], CustomerReference.STAGE_COLUMNS[2],
            "ordered_at TIMESTAMP WITH TIME ZONE", "amount NUMERIC(18, 2)", "cost NUMERIC(18, 2)",
            "refund_amount NUMERIC(18, 2)", "currency CHAR(3)", "channel VARCHAR(64)", "status VARCHAR(20)");

    /**
     * The columns of orders a bulk load into an empty table copies straight in, each order with its id (the load
     * numbers them itself) and its customer found.
     */
    static final List<String> ORDER_COLUMNS = StagingArea.columns("id BIGINT", "source VARCHAR(64)", "order_no VARCHAR(128)",
            "customer_id BIGINT", "origin_customer_id BIGINT", "customer_ref VARCHAR(320)",
            "customer_ref_kind VARCHAR(32)", "ordered_at TIMESTAMP WITH TIME ZONE", "amount NUMERIC(18, 2)",
            "cost NUMERIC(18, 2)", "refund_amount NUMERIC(18, 2)", "currency CHAR(3)", "channel VARCHAR(64)",
            "status VARCHAR(20)");

    static final Upsert UPSERT = upsertFrom(STAGE);

    private static final Set<String> STATUSES = Set.of("completed", "pending", "partially_refunded", "refunded",
            "cancelled");

    private final StagingArea staging;

    OrderWriter(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public String key(OrderRecord order) {
        return order.source() + '\u0000' + order.orderNo();
    }

    @Override
    public Map<String, Long> idsOf(List<OrderRecord> records) {
        return StoredIds.of(staging.jdbc(), staging.dialect(), "orders", "order_no", records, OrderRecord::source, OrderRecord::orderNo);
    }

    @Override
    public List<RowError> check(OrderRecord order, long line) {
        List<RowError> errors = new ArrayList<>(0);
        ColumnLimits.check(errors, line, "source", order.source(), 64);
        ColumnLimits.check(errors, line, "order_no", order.orderNo(), 128);
        ColumnLimits.check(errors, line, "customer_ref", order.customerRef(), 320);
        ColumnLimits.check(errors, line, "channel", order.channel(), 64);
        ColumnLimits.check(errors, line, "currency", order.currency(), 3);
        if (order.status() != null && !STATUSES.contains(order.status())) {
            errors.add(new RowError(line, 0, "status", order.status(), "unknown order status; expected one of "
                    + String.join(", ", STATUSES.stream().sorted().toList())));
        }
        return errors;
    }

    @Override
    public BatchResult write(List<OrderRecord> orders, String writtenBy) {
        List<Object[]> rows = new ArrayList<>(orders.size());
        for (OrderRecord o : orders) {
            rows.add(stageRow(o, null));
        }
        staging.load(STAGE, STAGE_COLUMNS, rows);
        return new BatchResult(staging.upsert(UPSERT), 0);
    }

    /** The orders staged in {@code stage} written into orders, each with the customer its reference names. */
    static Upsert upsertFrom(String stage) {
        return new Upsert("orders", List.of("source", "order_no"),
                List.of("customer_id", "origin_customer_id", "customer_ref", "customer_ref_kind", "ordered_at",
                        "amount", "cost", "refund_amount", "currency", "channel", "status"),
                "SELECT s.source, s.order_no, ci.customer_id, ci.origin_customer_id, s.customer_ref,"
                        + " s.customer_ref_kind, s.ordered_at, s.amount, s.cost, s.refund_amount, s.currency,"
                        + " s.channel, s.status FROM " + stage + " s" + CustomerReference.JOIN,
                "updated_at");
    }

    /** The order's values in the order of {@link #STAGE_COLUMNS}, after {@code sequence} when that is not null. */
    static Object[] stageRow(OrderRecord o, Long sequence) {
        CustomerReference ref = referenceOf(o);
        Object[] values = {o.source(), o.orderNo(), ref.value(), ref.kind(), ref.namespace(), o.orderedAt(),
                o.amount(), o.cost(), refundOf(o), currencyOf(o), o.channel(), statusOf(o)};
        if (sequence == null) {
            return values;
        }
        Object[] row = new Object[values.length + 1];
        row[0] = sequence;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    /** The order's values in the order of {@link #ORDER_COLUMNS}: as staged, with its customer found already. */
    static Object[] orderRow(long id, OrderRecord o, CustomerReference ref, Long customer, Long originCustomer) {
        return new Object[] {id, o.source(), o.orderNo(), customer, originCustomer, ref.value(), ref.kind(),
                o.orderedAt(), o.amount(), o.cost(), refundOf(o), currencyOf(o), o.channel(), statusOf(o)};
    }

    static CustomerReference referenceOf(OrderRecord o) {
        return CustomerReference.of(o.source(), o.customerRef(), o.customerPhone(), o.customerEmail());
    }

    static BigDecimal refundOf(OrderRecord o) {
        return o.refundAmount() == null ? BigDecimal.ZERO : o.refundAmount();
    }

    private static String currencyOf(OrderRecord o) {
        return o.currency() == null ? "CNY" : o.currency();
    }

    static String statusOf(OrderRecord o) {
        return o.status() == null ? "completed" : o.status();
    }
}
