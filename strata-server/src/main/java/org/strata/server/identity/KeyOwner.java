package org.strata.server.identity;

/**
 * Who holds an identifier now.
 *
 * @param customerId the customer the key resolves to (always a survivor, never an absorbed customer)
 * @param originId   the customer record that brought the key; it gets the key back when its merge is undone
 */
record KeyOwner(long customerId, long originId) {
}
