package org.strata.server.ingest;

import java.time.OffsetDateTime;

/**
 * One interaction: visit, login, ticket, campaign_click, nps ... (source, eventKey) is its idempotency key;
 * when the source gives no event id, the key is derived from customer, type, time and properties.
 *
 * @param propertiesJson a JSON object as text, may be null
 */
public record EventRecord(String source, String eventKey, String customerRef, String customerPhone,
                          String customerEmail, String type, OffsetDateTime occurredAt, String propertiesJson) {
}
