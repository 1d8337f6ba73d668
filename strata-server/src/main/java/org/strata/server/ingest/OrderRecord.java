package org.strata.server.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One order, validated and normalised. (source, orderNo) is its idempotency key.
 * The customer is found by {@code customerRef} (the customer's id in the same source) or, failing that,
 * by normalised phone or email.
 *
 * @param status one of completed, pending, partially_refunded, refunded, cancelled
 */
public record OrderRecord(String source, String orderNo, String customerRef, String customerPhone, String customerEmail,
                          OffsetDateTime orderedAt, BigDecimal amount, BigDecimal cost, BigDecimal refundAmount,
                          String currency, String channel, String status) {
}
