package org.strata.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Strata server. Each direct sub-package is one feature (customer, ingest, identity, quality, demo ...).
 * The command line ({@code strata-cli}) starts it for {@code serve} and {@code demo}.
 */
@SpringBootApplication
public class StrataApplication {

    public static void main(String[] args) {
        SpringApplication.run(StrataApplication.class, args);
    }
}
