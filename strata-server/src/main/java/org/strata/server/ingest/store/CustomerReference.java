package org.strata.server.ingest.store;

import org.strata.server.ingest.IdentityKey;

/**
 * How an order, order line or event names its customer, as the three columns stored with it. The customer itself is
 * resolved in SQL by joining customer_identifiers on (kind, namespace, value); when no customer has that key yet the
 * row is stored with customer_id null and linked when the customer is imported.
 */
record CustomerReference(String value, String kind, String namespace) {

    static final CustomerReference NONE = new CustomerReference(null, null, null);

    /** Stage columns, in the order of {@link #values()}. */
    static final String[] STAGE_COLUMNS = {"customer_ref VARCHAR(320)", "customer_ref_kind VARCHAR(32)",
            "ref_namespace VARCHAR(64)"};

    /** Joins a stage alias {@code s} to the identifier the reference names. */
    static final String JOIN = " LEFT JOIN customer_identifiers ci ON ci.kind = s.customer_ref_kind"
            + " AND ci.namespace = s.ref_namespace AND ci.id_value = s.customer_ref";

    /**
     * The namespace of the reference stored in a row of orders with alias {@code o}, which keeps the reference's value
     * and kind but not its namespace: as {@link #of} gives it, the empty one for phones and emails and the row's
     * source for every other kind.
     */
    static final String NAMESPACE_OF_STORED = "CASE WHEN o.customer_ref_kind IN ('" + IdentityKey.PHONE + "', '"
            + IdentityKey.EMAIL + "') THEN '' ELSE o.source END";

    static CustomerReference of(String source, String customerRef, String phone, String email) {
        IdentityKey key = IdentityKey.reference(source, customerRef, phone, email);
        return key == null ? NONE : new CustomerReference(key.value(), key.kind(), key.namespace());
    }

    Object[] values() {
        return new Object[] {value, kind, namespace};
    }
}
