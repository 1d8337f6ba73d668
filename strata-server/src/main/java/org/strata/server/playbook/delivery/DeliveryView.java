package org.strata.server.playbook.delivery;

import java.time.Instant;

/**
 * A delivery as the API shows it, with its status in both languages.
 *
 * @param state the status as people read it: {@code retrying} for a pending delivery whose attempts failed so far,
 *              else the status
 */
public record DeliveryView(long id, String idempotencyKey, long playbookId, String playbookZh, String playbookEn,
                           long customerId, String customerName, String kind, String status, String statusZh,
                           String statusEn, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant deliveredAt, Integer lastStatus, String lastError) {

    public record Attempt(int attempt, Instant at, boolean succeeded, Integer httpStatus, String error) {
    }

    /** Whether an admin may replay it: only dead letters are. */
    public boolean replayable() {
        return status.equals("dead");
    }

    /** Whether a next attempt is planned: only for pending deliveries. */
    public boolean waiting() {
        return status.equals("pending");
    }

    static String state(String status, int attempts) {
        return status.equals("pending") && attempts > 0 ? "retrying" : status;
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
