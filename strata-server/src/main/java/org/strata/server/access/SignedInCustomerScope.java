package org.strata.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data scope of the signed-in person. Work that no person started (background imports, schedules, the command
 * line) has no authentication at all and sees every customer; a request whose authentication is not a signed-in
 * Strata user (anonymous) sees none, so a mistake in the security rules fails closed.
 */
@Component
class SignedInCustomerScope implements CustomerScope {

    private final TeamHierarchy teams;
    private final JdbcClient jdbc;

    SignedInCustomerScope(TeamHierarchy teams, JdbcClient jdbc) {
        this.teams = teams;
        this.jdbc = jdbc;
    }

    @Override
    public ScopeCondition condition(String customerAlias) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return ScopeCondition.everything();
        }
        if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
            return ScopeCondition.nothing();
        }
        String owner = customerAlias + ".owner_id = :scope_user";
        return switch (user.scope()) {
            case ALL -> ScopeCondition.everything();
            case MINE -> new ScopeCondition(owner, Map.of("scope_user", user.id()));
            case TEAM -> user.teamId() == null ? new ScopeCondition(owner, Map.of("scope_user", user.id()))
                    : ownOrTeams(customerAlias, user, List.copyOf(teams.withDescendants(user.teamId())));
            case DEPARTMENT -> user.teamId() == null ? new ScopeCondition(owner, Map.of("scope_user", user.id()))
                    : ownOrTeams(customerAlias, user,
                            List.copyOf(teams.withDescendants(teams.departmentOf(user.teamId()))));
        };
    }

    /** Customers the person owns, wherever they are filed, and those filed under the teams. */
    private static ScopeCondition ownOrTeams(String alias, SignedInUser user, List<Long> teamIds) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope_user", user.id());
        params.put("scope_teams", teamIds);
        return new ScopeCondition("(" + alias + ".owner_id = :scope_user OR " + alias + ".team_id IN (:scope_teams))",
                params);
    }

    /** Every condition above is about owner_id and team_id (or constant). */
    @Override
    public boolean readsOwnerAndTeamOnly() {
        return true;
    }

    @Override
    public boolean includes(long customerId) {
        ScopeCondition condition = condition("c");
        if (condition.isEverything()) {
            return true;
        }
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("customer_id", customerId);
        return jdbc.sql("SELECT COUNT(*) FROM customers c WHERE c.id = :customer_id AND " + condition.sql())
                .params(params).query(Long.class).single() > 0;
    }
}
