package org.strata.server.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for parsed rows, as the file reader would hand them to the import service. */
public final class ImportRows {

    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T14:05:00+08:00");

    private ImportRows() {
    }

    public static CustomerRecord customer(String externalId, String phone, String email) {
        return new CustomerRecord("shop", externalId, "客户 " + externalId, "person", phone, email, "li.na", null,
                "零售", "华东", null, Map.of(), Map.of());
    }

    public static CustomerRecord renamed(CustomerRecord c, String name) {
        return new CustomerRecord(c.source(), c.externalId(), name, c.type(), c.phone(), c.email(), c.owner(), c.team(),
                c.industry(), c.region(), c.createdAt(), c.identifiers(), c.attributes());
    }

    public static OrderRecord order(String orderNo, String customerRef, String amount) {
        return new OrderRecord("shop", orderNo, customerRef, null, null, T0, new BigDecimal(amount), null, null, null,
                "online", null);
    }

    public static OrderLineRecord line(String orderNo, String lineNo, String customerRef, String quantity,
                                       String unitPrice, boolean cancelled) {
        return new OrderLineRecord("shop", orderNo, lineNo, customerRef, null, null, T0, "SKU-" + lineNo, "item",
                new BigDecimal(quantity), new BigDecimal(unitPrice), null, null, cancelled);
    }

    public static EventRecord event(String key, String customerRef, String type) {
        return new EventRecord("shop", key, customerRef, null, null, type, T0, "{\"page\":\"/home\"}");
    }

    /** Accepted rows on lines 2, 3, ... as after a header line. */
    @SafeVarargs
    public static <T> RowSource<T> rows(T... records) {
        List<ParsedRow<T>> rows = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            rows.add(new ParsedRow<>(i + 2, records[i], List.of()));
        }
        return RowSource.of(rows);
    }

    public static <T> ParsedRow<T> rejected(long line, String field, String value, String reason) {
        return new ParsedRow<>(line, null, List.of(new RowError(line, 3, field, value, reason)));
    }
}
