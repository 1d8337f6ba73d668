package org.strata.server.customer;

/**
 * What the customer list is restricted to; null fields do not restrict. {@code query} is free text matched against
 * the name (contains, case-insensitive), identifiers (phone in any common spelling, email, shop/CRM/WeChat ids) and
 * the external id (exact).
 */
public record CustomerFilter(String query, Long ownerId, Long teamId, String industry, String region, String type,
                             String source) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null);
}
