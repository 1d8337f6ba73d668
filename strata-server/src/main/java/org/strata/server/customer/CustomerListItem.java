package org.strata.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One row of the customer list. Order figures are the maintained statistics (see CustomerStatsRefresher). */
public record CustomerListItem(
        long id,
        @Schema(description = "The company's own customer id in the source system") String externalId,
        String name,
        @Schema(allowableValues = {"person", "company"}) String type,
        @Schema(description = "E.164, e.g. +8613812345678") String phone,
        String email,
        Long ownerId,
        String ownerName,
        Long teamId,
        String teamName,
        String industry,
        String region,
        String source,
        OffsetDateTime createdAt,
        @Schema(description = "Completed and partially refunded orders (also of customers merged into this one)")
        int orderCount,
        @Schema(description = "Revenue of those orders net of refunds, CNY") BigDecimal totalSpent,
        @Schema(description = "Time of the latest of those orders") OffsetDateTime lastOrderAt) {
}
