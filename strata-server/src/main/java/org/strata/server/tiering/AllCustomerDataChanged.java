package org.strata.server.tiering;

/**
 * Published when more customers changed than are worth listing (a bulk import, the demo company): whatever is derived
 * from customers, orders or merges must be recomputed for everyone. Listened to after the publishing transaction
 * commits (or at once outside one).
 */
public record AllCustomerDataChanged() {
}
