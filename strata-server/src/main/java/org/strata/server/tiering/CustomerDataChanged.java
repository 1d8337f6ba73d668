package org.strata.server.tiering;

import java.util.Set;

/**
 * Published (by ingestion, the customer API ...) when orders, events or attributes of these customers changed, so
 * their tiers are brought up to date within seconds. Listened to after the publishing transaction commits.
 */
public record CustomerDataChanged(Set<Long> customerIds) {

    public CustomerDataChanged {
        customerIds = Set.copyOf(customerIds);
    }
}
