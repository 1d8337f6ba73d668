package org.strata.server.playbook.delivery;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.strata.server.tiering.CustomerDataChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.playbook.PlaybookTime;

/**
 * Assigns the customer an owner from a team (the team and its groups): round robin (the action counts its
 * assignments), or capacity-aware (the member with
 * the fewest customers of the tier, below an optional maximum per person; ties go to the earliest member).
 */
@Component
class OwnerAssignmentPerformer implements ActionPerformer {

    private static final String MEMBERS = "WITH RECURSIVE tree (id) AS (SELECT id FROM teams WHERE code = ? "
            + "UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id) "
            + "SELECT u.id, u.team_id FROM users u WHERE u.team_id IN (SELECT id FROM tree) ORDER BY u.id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PlaybookTime time;
    private final ApplicationEventPublisher events;

    OwnerAssignmentPerformer(JdbcClient jdbc, PlatformTransactionManager transactions, PlaybookTime time,
                             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    private record Member(long id, long teamId) {
    }

    @Override
    public Set<ActionKind> kinds() {
        return Set.of(ActionKind.ASSIGN_OWNER);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        String team = s.text("team");
        return transaction.execute(status -> {
            // the action's row lock serialises assignments by this action: turns and loads are read consistently
            long assigned = jdbc.sql("SELECT assigned FROM playbook_actions WHERE id = ? FOR UPDATE")
                    .param(delivery.actionId()).query(Long.class).single();
            List<Member> members = jdbc.sql(MEMBERS).param(team)
                    .query((rs, row) -> new Member(rs.getLong(1), rs.getLong(2))).list();
            if (members.isEmpty()) {
                return new Outcome.Failed(null, "team '" + team + "' has no members (or does not exist)");
            }
            Member chosen = s.textOr("strategy", "round_robin").equals("capacity")
                    ? leastLoaded(members, s) : members.get((int) (assigned % members.size()));
            if (chosen == null) {
                return new Outcome.Failed(null, "every member of team '" + team + "' already has "
                        + s.values().get("maxPerPerson") + " customers of tier '" + s.text("tier") + "'");
            }
            jdbc.sql("UPDATE playbook_actions SET assigned = assigned + 1 WHERE id = ?").param(delivery.actionId())
                    .update();
            jdbc.sql("UPDATE customers SET owner_id = ?, team_id = ?, updated_at = ? WHERE id = ?")
                    .params(chosen.id(), chosen.teamId(), Timestamp.from(time.now()), delivery.customer().id())
                    .update();
            // the customer now counts for another owner and team (dashboard figures, scopes)
            events.publishEvent(new CustomerDataChanged(Set.of(delivery.customer().id())));
            return new Outcome.Delivered(null);
        });
    }

    private Member leastLoaded(List<Member> members, ActionSettings s) {
        Integer max = s.values().get("maxPerPerson") == null ? null : s.positive("maxPerPerson", null);
        Member best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Member member : members) {
            int load = jdbc.sql("SELECT COUNT(*) FROM tiering_memberships m JOIN tiering_schemes s "
                            + "ON s.id = m.scheme_id JOIN customers c ON c.id = m.customer_id "
                            + "WHERE s.scheme_key = ? AND m.tier_key = ? AND c.owner_id = ?")
                    .params(s.text("scheme"), s.text("tier"), member.id()).query(Integer.class).single();
            if (load < bestLoad && (max == null || load < max)) {
                best = member;
                bestLoad = load;
            }
        }
        return best;
    }
}
