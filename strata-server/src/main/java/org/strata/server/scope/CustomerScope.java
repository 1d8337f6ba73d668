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

    /**
     * Whether {@link #condition} reads nothing but the alias's {@code owner_id} and {@code team_id}. Then it applies
     * as well to any table keyed by owner and team, such as the dashboard's pre-aggregated figures; otherwise those
     * must be computed from the customers themselves.
     */
    default boolean readsOwnerAndTeamOnly() {
        return false;
    }

    /** Whether one customer is in scope; a customer out of scope must be answered as "not found". */
    boolean includes(long customerId);

    /**
     * For rows that point at a customer (orders, memberships, ledger rows ...): {@code " AND column IN (SELECT c.id
     * FROM customers c WHERE <condition>)"} with positional parameters, or an empty piece of SQL when every customer
     * is visible (so rows without a customer, such as unlinked orders, stay visible to those who see everything).
     */
    default ScopeCondition.Positional customerIdIn(String column) {
        ScopeCondition condition = condition("scope_c");
        if (condition.isEverything()) {
            return new ScopeCondition.Positional("", java.util.List.of());
        }
        ScopeCondition.Positional positional = condition.positional();
        return new ScopeCondition.Positional(" AND " + column + " IN (SELECT scope_c.id FROM customers scope_c WHERE "
                + positional.sql() + ")", positional.args());
    }
}
