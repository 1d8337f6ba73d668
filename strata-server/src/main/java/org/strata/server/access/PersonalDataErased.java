package org.strata.server.access;

import java.util.Set;

/**
 * Published inside the erasure's transaction: the personal data of these customers (one and those merged into it)
 * was erased, so whatever is derived from their names, phones or emails must be brought up to date.
 */
public record PersonalDataErased(Set<Long> customerIds) {

    public PersonalDataErased {
        customerIds = Set.copyOf(customerIds);
    }
}
