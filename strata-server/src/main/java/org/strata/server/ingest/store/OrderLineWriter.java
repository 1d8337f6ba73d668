package org.strata.server.ingest.store;

import org.springframework.stereotype.Component;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BatchWriter;
import org.strata.server.ingest.ColumnLimits;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderLineRecord;
import org.strata.server.ingest.RowError;
import org.strata.server.sql.Upsert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Order lines by (source, order number, line number), then every order touched by the batch is re-aggregated from
 * all of its stored lines (lines of one order may arrive in different batches or files):
 * <ul>
 *   <li>amount = the sum of quantity × unit price over lines with a positive value that are not cancelled;</li>
 *   <li>refund_amount = the sum of |quantity × unit price| over returns (negative value) and cancelled lines;</li>
 *   <li>status = completed without refunds, refunded when the refunds reach the amount (or there is nothing but
 *       refunds), partially_refunded otherwise.</li>
 * </ul>
 * A UCI-style cancellation invoice ("C536379") names products, not the invoice it cancels, so it cannot be netted
 * against the original order. It is stored as an order of its own, numbered as in the file, with amount 0, the
 * cancelled value as refund_amount and status refunded; summed per customer (amount − refund_amount), returns and
 * cancellations reduce the customer's revenue in the period they happened, as a user reading the file would expect.
 */
@Component
class OrderLineWriter implements BatchWriter<OrderLineRecord> {

    private static final String STAGE = "import_stage_order_lines";
    private static final List<String> STAGE_COLUMNS = StagingArea.columns("source VARCHAR(64)",
            "order_no VARCHAR(128)", "line_no VARCHAR(64)", "sku VARCHAR(128)", "description VARCHAR(500)",
            "quantity NUMERIC(18, 4)", "unit_price NUMERIC(18, 4)", CustomerReference.STAGE_COLUMNS[0],
            CustomerReference.STAGE_COLUMNS[1], CustomerReference.STAGE_COLUMNS[2],
            "ordered_at TIMESTAMP WITH TIME ZONE", "currency CHAR(3)", "channel VARCHAR(64)", "cancelled BOOLEAN");

    private static final Upsert UPSERT = new Upsert("order_lines", List.of("source", "order_no", "line_no"),
            List.of("sku", "description", "quantity", "unit_price", "customer_ref", "customer_ref_kind", "ordered_at",
                    "currency", "channel", "cancelled"),
            "SELECT s.source, s.order_no, s.line_no, s.sku, s.description, s.quantity, s.unit_price, s.customer_ref,"
                    + " s.customer_ref_kind, s.ordered_at, s.currency, s.channel, s.cancelled FROM " + STAGE + " s",
            null);

    private static final String LINE_VALUE = "l.quantity * l.unit_price";

    /** Every order with a line in the batch, summed over all its stored lines, into the orders stage. */
    private static final String AGGREGATE = "INSERT INTO " + OrderWriter.STAGE + " (source, order_no, customer_ref,"
            + " customer_ref_kind, ref_namespace, ordered_at, amount, cost, refund_amount, currency, channel, status)"
            + " SELECT source, order_no, customer_ref, customer_ref_kind, ref_namespace, ordered_at, amount, NULL,"
            + " refund_amount, currency, channel,"
            + " CASE WHEN refund_amount = 0 THEN 'completed' WHEN refund_amount >= amount THEN 'refunded'"
            + " ELSE 'partially_refunded' END"
            + " FROM (SELECT l.source, l.order_no, MAX(l.customer_ref) AS customer_ref,"
            + " MAX(l.customer_ref_kind) AS customer_ref_kind,"
            + " CASE WHEN MAX(l.customer_ref_kind) IN ('phone', 'email') THEN '' ELSE l.source END AS ref_namespace,"
            + " MIN(l.ordered_at) AS ordered_at,"
            + " ROUND(SUM(CASE WHEN NOT l.cancelled AND " + LINE_VALUE + " > 0 THEN " + LINE_VALUE
            + " ELSE 0 END), 2) AS amount,"
            + " ROUND(SUM(CASE WHEN l.cancelled OR " + LINE_VALUE + " < 0 THEN ABS(" + LINE_VALUE
            + ") ELSE 0 END), 2) AS refund_amount,"
            + " COALESCE(MAX(l.currency), 'CNY') AS currency, MAX(l.channel) AS channel"
            + " FROM order_lines l WHERE EXISTS (SELECT 1 FROM " + STAGE + " s WHERE s.source = l.source"
            + " AND s.order_no = l.order_no) GROUP BY l.source, l.order_no) a";

    private final StagingArea staging;

    OrderLineWriter(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDER_LINES;
    }

    @Override
    public String key(OrderLineRecord line) {
        return line.source() + '\u0000' + line.orderNo() + '\u0000' + line.lineNo();
    }

    @Override
    public Map<String, Long> idsOf(List<OrderLineRecord> lines) {
        // The id of a line is that of the order it was aggregated into.
        Map<String, Long> orders = StoredIds.of(staging.jdbc(), staging.dialect(), "orders", "order_no", lines, OrderLineRecord::source,
                OrderLineRecord::orderNo);
        Map<String, Long> ids = new java.util.HashMap<>();
        for (OrderLineRecord line : lines) {
            Long order = orders.get(line.source() + '\u0000' + line.orderNo());
            if (order != null) {
                ids.put(key(line), order);
            }
        }
        return ids;
    }

    @Override
    public List<RowError> check(OrderLineRecord line, long fileLine) {
        List<RowError> errors = new ArrayList<>(0);
        ColumnLimits.check(errors, fileLine, "source", line.source(), 64);
        ColumnLimits.check(errors, fileLine, "order_no", line.orderNo(), 128);
        ColumnLimits.check(errors, fileLine, "line_no", line.lineNo(), 64);
        ColumnLimits.check(errors, fileLine, "sku", line.sku(), 128);
        ColumnLimits.check(errors, fileLine, "description", line.description(), 500);
        ColumnLimits.check(errors, fileLine, "customer_ref", line.customerRef(), 320);
        ColumnLimits.check(errors, fileLine, "currency", line.currency(), 3);
        ColumnLimits.check(errors, fileLine, "channel", line.channel(), 64);
        return errors;
    }

    @Override
    public BatchResult write(List<OrderLineRecord> lines, String writtenBy) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (OrderLineRecord l : lines) {
            CustomerReference ref = CustomerReference.of(l.source(), l.customerRef(), l.customerPhone(),
                    l.customerEmail());
            rows.add(new Object[] {l.source(), l.orderNo(), l.lineNo(), l.sku(), l.description(), l.quantity(),
                    l.unitPrice(), ref.value(), ref.kind(), ref.namespace(), l.orderedAt(), l.currency(), l.channel(),
                    l.cancelled()});
        }
        staging.load(STAGE, STAGE_COLUMNS, rows);
        var counts = staging.upsert(UPSERT);
        staging.load(OrderWriter.STAGE, OrderWriter.STAGE_COLUMNS, List.of());
        staging.jdbc().update(AGGREGATE);
        staging.upsert(OrderWriter.UPSERT);
        return new BatchResult(counts, 0);
    }
}
