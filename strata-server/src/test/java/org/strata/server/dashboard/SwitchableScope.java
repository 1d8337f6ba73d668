package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/** A scope by owner and team like the signed-in one, switched by the test. */
final class SwitchableScope implements CustomerScope {
    volatile Long owner;
    volatile List<Long> teams;
    volatile boolean nothing;

    void everyone() {
        owner = null;
        teams = null;
        nothing = false;
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

    /** Everyone, one owner, one team, an owner or their teams, nobody: each sets this scope when run. */
    List<Runnable> narrowings(JdbcTemplate jdbc) {
        long owner = jdbc.queryForObject("SELECT owner_id FROM customers WHERE owner_id IS NOT NULL"
                + " GROUP BY owner_id ORDER BY COUNT(*) DESC, owner_id LIMIT 1", Long.class);
        List<Long> someTeams = jdbc.queryForList("SELECT team_id FROM customers WHERE team_id IS NOT NULL"
                + " GROUP BY team_id ORDER BY COUNT(*), team_id LIMIT 2", Long.class);
        assertThat(someTeams).isNotEmpty();
        return List.of(this::everyone,
                () -> {
                    everyone();
                    this.owner = owner;
                },
                () -> {
                    everyone();
                    this.teams = List.of(someTeams.get(0));
                },
                () -> {
                    everyone();
                    this.owner = owner;
                    this.teams = someTeams;
                },
                () -> {
                    everyone();
                    this.nothing = true;
                });
    }

    @Override
    public String toString() {
        return "scope owner=" + owner + " teams=" + teams + " nothing=" + nothing;
    }
}
