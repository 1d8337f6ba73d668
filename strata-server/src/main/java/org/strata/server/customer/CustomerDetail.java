package org.strata.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The customer 360° record: who the customer is, how we know them, what they bought and did. */
public record CustomerDetail(
        long id,
        String externalId,
        String name,
        @Schema(allowableValues = {"person", "company"}) String type,
        String phone,
        String email,
        Owner owner,
        Team team,
        String industry,
        String region,
        String source,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Custom attributes as a JSON object; a stored value that is not valid JSON is "
                + "returned as a string") Object attributes,
        @Schema(description = "Ids of the customers merged into this one; their orders and events are included "
                + "below") List<Long> mergedCustomerIds,
        List<Identifier> identifiers,
        OrderSummary orderSummary,
        @Schema(description = "The 20 most recent orders, newest first") List<Order> recentOrders,
        @Schema(description = "First page of the time line; further pages from /api/v1/customers/{id}/timeline")
        TimelinePage timeline,
        @Schema(description = "Merges in which this customer survived or was absorbed, newest first")
        List<Merge> merges) {

    public record Owner(long id, String username, String displayName) {
    }

    public record Team(long id, String code, String name) {
    }

    public record Identifier(
            @Schema(example = "phone") String kind,
            @Schema(description = "The source for source-specific ids, empty for phone and email") String namespace,
            String value,
            @Schema(description = "The customer record that brought this identifier") long originCustomerId) {
    }

    @Schema(description = """
            Orders of the customer and of every customer merged into it. orderCount counts all orders; the amounts, \
            the average and the first/last times cover purchases, i.e. every order that was not cancelled \
            (pending, completed, partially refunded, refunded). completedOrderCount and netRevenue count only \
            realised sales: orders completed or partially refunded, each contributing amount minus refund_amount. \
            These two are also the list's orderCount and totalSpent.""")
    public record OrderSummary(
            int orderCount,
            int cancelledCount,
            OffsetDateTime firstOrderAt,
            OffsetDateTime lastOrderAt,
            @Schema(description = "Sum of amounts of all orders not cancelled, CNY") BigDecimal totalAmount,
            @Schema(description = "totalAmount divided by the number of orders not cancelled; null without any")
            BigDecimal averageAmount,
            @Schema(description = "Sum of refund_amount over orders not cancelled") BigDecimal refundAmount,
            int completedOrderCount,
            BigDecimal netRevenue) {
    }

    public record Order(long id, String source, String orderNo, OffsetDateTime orderedAt, BigDecimal amount,
                        BigDecimal refundAmount, String currency, String channel,
                        @Schema(allowableValues = {"completed", "pending", "partially_refunded", "refunded",
                                "cancelled"}) String status,
                        @Schema(description = "The customer record the order belongs to (a merged one, possibly)")
                        long customerId) {
    }

    public record Merge(long id, long survivorId, long absorbedId, String keyKind, String keyValue, String mergedBy,
                        OffsetDateTime mergedAt, String undoneBy, OffsetDateTime undoneAt) {
    }
}
