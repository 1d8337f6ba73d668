package org.strata.server.scope;

import org.springframework.stereotype.Component;

/**
 * The scope while no access control is in place: every customer is visible. Access control replaces this bean
 * with one that reads the signed-in person's data scope.
 */
@Component
class EveryCustomer implements CustomerScope {

    @Override
    public ScopeCondition condition(String customerAlias) {
        return ScopeCondition.everything();
    }

    @Override
    public boolean includes(long customerId) {
        return true;
    }
}
