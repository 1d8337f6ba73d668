package org.strata.server.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The dashboard was asked about a scheme that does not exist or has never been published. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DashboardSchemeNotFoundException extends RuntimeException {

    public DashboardSchemeNotFoundException(String key) {
        super(key == null || key.isBlank() ? "no scheme is published yet; publish one in the scheme editor"
                : "no published scheme '" + key + "'");
    }
}
