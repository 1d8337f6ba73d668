package org.strata.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One thing that happened with a customer: an order or an event. */
public record TimelineEntry(
        @Schema(allowableValues = {"order", "event"}) String kind,
        @Schema(description = "Id of the order or event") long id,
        OffsetDateTime at,
        @Schema(description = "Order status (completed, refunded ...) or event type (login, visit, ticket, "
                + "campaign_click, nps ...)") String type,
        String source,
        @Schema(description = "Order number, or the event's key") String reference,
        @Schema(description = "Order amount; null for events") BigDecimal amount,
        @Schema(description = "Event properties as JSON (e.g. {\"score\": 9} for nps); null for orders")
        Object properties) {
}
