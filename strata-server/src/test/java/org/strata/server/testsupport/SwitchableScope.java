package org.strata.server.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * A scope by owner and team like the signed-in one, switched by the test, for comparing figures computed two ways
 * under several scopes. Bring it in with {@code @Import(SwitchableScope.AsPrimary.class)}.
 */
public final class SwitchableScope implements CustomerScope {

    public volatile Long owner;
    public volatile List<Long> teams;
    public volatile boolean nothing;

    public void everyone() {
        owner = null;
        teams = null;
        nothing = false;
    }

    /**
     * The scopes to compare under, each as a switch to it: everyone, the owner of most customers, the smallest team,
     * that owner or the two smallest teams, nobody.
     */
    public List<Runnable> narrowings(JdbcTemplate jdbc) {
        long busiest = jdbc.queryForObject("SELECT owner_id FROM customers WHERE owner_id IS NOT NULL"
                + " GROUP BY owner_id ORDER BY COUNT(*) DESC, owner_id LIMIT 1", Long.class);
        List<Long> smallest = jdbc.queryForList("SELECT team_id FROM customers WHERE team_id IS NOT NULL"
                + " GROUP BY team_id ORDER BY COUNT(*), team_id LIMIT 2", Long.class);
        if (smallest.isEmpty()) {
            throw new IllegalStateException("no customer has a team: the team scopes would compare nothing");
        }
        return List.of(this::everyone,
                () -> switchTo(busiest, null, false),
                () -> switchTo(null, List.of(smallest.get(0)), false),
                () -> switchTo(busiest, smallest, false),
                () -> switchTo(null, null, true));
    }

    private void switchTo(Long owner, List<Long> teams, boolean nothing) {
        this.owner = owner;
        this.teams = teams;
        this.nothing = nothing;
    }

    @Override
    public ScopeCondition condition(String alias) {
        if (nothing) {
            return ScopeCondition.nothing();
        }
        if (owner == null && teams == null) {
            return ScopeCondition.everything();
        }
        if (teams == null) {
            return new ScopeCondition(alias + ".owner_id = :scope_user", Map.of("scope_user", owner));
        }
        if (owner == null) {
            return new ScopeCondition(alias + ".team_id IN (:scope_teams)", Map.of("scope_teams", teams));
        }
        return new ScopeCondition("(" + alias + ".owner_id = :scope_user OR " + alias
                + ".team_id IN (:scope_teams))", Map.of("scope_user", owner, "scope_teams", teams));
    }

    @Override
    public boolean readsOwnerAndTeamOnly() {
        return true;
    }

    @Override
    public boolean includes(long customerId) {
        return true;
    }

    @Override
    public String toString() {
        return nothing ? "nobody" : owner == null && teams == null ? "everyone" : "owner=" + owner + " teams=" + teams;
    }

    /** Replaces the application's scope with a switchable one (extend it for a context of one's own). */
    @TestConfiguration
    public static class AsPrimary {
        @Bean
        @Primary
        public SwitchableScope switchableScope() {
            return new SwitchableScope();
        }
    }
}
