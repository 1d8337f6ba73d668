package org.strata.server.playbook.task;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.playbook.delivery.ActionPerformer;
import org.strata.server.playbook.delivery.Delivery;
import org.strata.server.playbook.delivery.Outcome;

/**
 * Creates a task for the customer's owner (read at delivery time, so an "assign owner" action before it counts).
 * The task row holds its delivery's id under a unique constraint: a repeated delivery cannot create a second task.
 */
@Component
class TaskPerformer implements ActionPerformer {

    private final JdbcClient jdbc;
    private final PlaybookTime time;

    TaskPerformer(JdbcClient jdbc, PlaybookTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public Set<ActionKind> kinds() {
        return Set.of(ActionKind.TASK);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        Instant now = time.now();
        Instant due = now.plus(Duration.ofHours(s.positive("dueInHours", 48)));
        int created = jdbc.sql("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, description, "
                        + "priority, due_at, status, created_at, delivery_id) SELECT c.id, c.owner_id, c.team_id, "
                        + "'task', ?, ?, ?, ?, 'open', ?, ? FROM customers c WHERE c.id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM playbook_tasks t WHERE t.delivery_id = ?)")
                .params(s.text("title"), s.textOr("description", null), s.textOr("priority", "normal"),
                        Timestamp.from(due), Timestamp.from(now), delivery.id(), delivery.customer().id(),
                        delivery.id())
                .update();
        return created == 1 ? new Outcome.Delivered(null)
                : new Outcome.Skipped("the task of this delivery already exists");
    }
}
