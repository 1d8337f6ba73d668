package org.strata.server.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A dashboard request that cannot be answered as asked (a period that ends before it starts, an unknown run). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidDashboardQueryException extends RuntimeException {

    public InvalidDashboardQueryException(String message) {
        super(message);
    }
}
