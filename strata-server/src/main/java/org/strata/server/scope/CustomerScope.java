package org.strata.server.scope;

/**
 * The customers the current caller may see. Access control supplies the real implementation; until a caller is
 * known (background jobs, the CLI) the scope is every customer.
 */
public interface CustomerScope {

    /**
     * A condition over the customers table aliased {@code customerAlias} (for example {@code "c"} in
     * {@code FROM customers c}) that is true exactly for the customers in scope. Its parameters are named with a
     * {@code scope_} prefix so they cannot clash with the caller's own.
     */
    ScopeCondition condition(String customerAlias);

    /** Whether one customer is in scope; a customer out of scope must be answered as "not found". */
    boolean includes(long customerId);
}
