package org.strata.server.customer;

/** No customer has this id. */
public class CustomerNotFoundException extends RuntimeException {

    private final long customerId;

    public CustomerNotFoundException(long customerId) {
        super("Customer " + customerId + " does not exist");
        this.customerId = customerId;
    }

    public long customerId() {
        return customerId;
    }
}
