package org.strata.server.ingest;

/** What a file or batch holds. */
public enum ImportKind {
    CUSTOMERS, ORDERS, ORDER_LINES, EVENTS
}
