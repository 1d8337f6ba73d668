package org.strata.server.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One order line, for sources that only export lines (e.g. UCI Online Retail). Lines are aggregated into orders:
 * negative quantities (returns) and lines of cancelled invoices become refunds.
 *
 * @param lineNo the line's key within the order; when the file has none, the file line number
 */
public record OrderLineRecord(String source, String orderNo, String lineNo, String customerRef, String customerPhone,
                              String customerEmail, OffsetDateTime orderedAt, String sku, String description,
                              BigDecimal quantity, BigDecimal unitPrice, String currency, String channel,
                              boolean cancelled) {
}
