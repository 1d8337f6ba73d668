package org.strata.server.playbook.task;

import java.time.Instant;

/**
 * A task as the API shows it. {@code state}: due (open, not yet due), overdue (open, past due), done, cancelled.
 */
public record TaskView(long id, long customerId, String customerName, Long ownerId, String ownerName, Long teamId,
                       String teamName, String kind, String title, String description, String priority, Instant dueAt,
                       String state, String stateZh, String stateEn, String outcome, Instant doneAt, String doneBy,
                       Instant createdAt, Long escalationOf, Long breachId) {
}
