package org.strata.server.playbook.warning;

import java.time.Instant;

/** A churn warning with its signal and reason in both languages; {@code details} is a JSON object as text. */
public record WarningView(long id, long customerId, String customerName, String signal, String signalZh,
                          String signalEn, String reasonZh, String reasonEn, String details, Instant raisedAt,
                          Instant resolvedAt, boolean open) {
}
