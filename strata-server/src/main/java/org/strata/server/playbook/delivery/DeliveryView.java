package org.strata.server.playbook.delivery;

import java.time.Instant;

/** A delivery as the API shows it, with its status in both languages. */
public record DeliveryView(long id, String idempotencyKey, long playbookId, String playbookZh, String playbookEn,
                           long customerId, String customerName, String kind, String status, String statusZh,
                           String statusEn, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant deliveredAt, Integer lastStatus, String lastError) {

    record Attempt(int attempt, Instant at, boolean succeeded, Integer httpStatus, String error) {
    }

    static String zh(String status) {
        return switch (status) {
            case "pending" -> "待投递";
            case "delivered" -> "已投递";
            case "dead" -> "死信";
            default -> "已跳过";
        };
    }

    static String en(String status) {
        return switch (status) {
            case "pending" -> "Pending";
            case "delivered" -> "Delivered";
            case "dead" -> "Dead letter";
            default -> "Skipped";
        };
    }
}
