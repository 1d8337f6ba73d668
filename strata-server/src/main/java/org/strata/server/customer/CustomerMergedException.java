package org.strata.server.customer;

/** The customer was absorbed by identity resolution; its record now lives on as part of the survivor. */
public class CustomerMergedException extends RuntimeException {

    private final long customerId;
    private final long survivorId;

    public CustomerMergedException(long customerId, long survivorId) {
        super("Customer " + customerId + " was merged into customer " + survivorId
                + "; its orders, events and identifiers are shown on /api/v1/customers/" + survivorId);
        this.customerId = customerId;
        this.survivorId = survivorId;
    }

    public long customerId() {
        return customerId;
    }

    public long survivorId() {
        return survivorId;
    }
}
