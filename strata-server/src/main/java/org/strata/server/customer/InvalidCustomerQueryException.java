package org.strata.server.customer;

/** A list or time line request whose parameter cannot be honoured; answered with 400 naming the parameter. */
public class InvalidCustomerQueryException extends RuntimeException {

    private final String parameter;

    public InvalidCustomerQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
