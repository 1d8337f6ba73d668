package org.strata.server.playbook.delivery;

import java.time.Instant;
import java.util.Map;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;

/**
 * A claimed delivery with everything needed to carry it out: the action's settings, what fired it and the customer.
 *
 * @param detail the tier, tag, signal or policy the trigger was about
 */
public record Delivery(long id, long entryId, long actionId, int position, long playbookId, String playbookZh,
                       String playbookEn, ActionKind kind, Map<String, Object> settingValues, int attempts,
                       String trigger, String schemeKey, String detail, Instant occurredAt, Customer customer) {

    /** @param ownerEmail the e-mail of the customer's owner, for e-mails sent "to owner" */
    public record Customer(long id, String externalId, String name, Long ownerId, String ownerName, String ownerEmail,
                           Long teamId, String teamName) {
    }

    /** The key a receiver uses to drop duplicates: the same on every attempt of this delivery. */
    public String idempotencyKey() {
        return "strata-" + entryId + "-" + actionId;
    }

    public ActionSettings settings() {
        return new ActionSettings(settingValues, "/actions/" + position + "/settings");
    }
}
