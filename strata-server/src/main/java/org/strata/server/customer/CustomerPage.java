package org.strata.server.customer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the customer list. */
public record CustomerPage(
        List<CustomerListItem> items,
        @Schema(description = "Zero-based page number") int page,
        int size,
        @Schema(description = "The sort applied, e.g. total_spent,desc") String sort,
        @Schema(description = "Whether a further page exists") boolean hasNext,
        @Schema(description = "Number of matching customers; only computed when includeTotal=true, because counting "
                + "a million customers on every page costs more than the page itself")
        Long total) {
}
