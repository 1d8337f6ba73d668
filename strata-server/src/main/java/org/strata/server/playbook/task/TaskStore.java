package org.strata.server.playbook.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.strata.server.access.PersonalData;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/** Task lists per owner and team, within the caller's data scope. */
@Repository
class TaskStore {

    private static final String SELECT = "SELECT t.*, c.name AS customer_name, c.type AS customer_type, u.display_name AS owner_name, "
            + "tm.name AS team_name FROM playbook_tasks t JOIN customers c ON c.id = t.customer_id "
            + "LEFT JOIN users u ON u.id = t.owner_id LEFT JOIN teams tm ON tm.id = t.team_id WHERE ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;
    private final ZoneId zone;

    TaskStore(NamedParameterJdbcTemplate jdbc, CustomerScope scope, PlaybookTime time) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.zone = time.zone();
    }

    List<TaskView> list(TaskFilter filter, Instant now, int page, int size) {
        Long owner = filter.owner();
        Long team = filter.team();
        Long customer = filter.customer();
        TaskState state = filter.state() == null || filter.state().isBlank() ? null : TaskState.of(filter.state());
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(condition.sql());
        if (owner != null) {
            where.append(" AND t.owner_id = :owner");
            params.put("owner", owner);
        }
        if (team != null) {
            where.append(" AND t.team_id IN (WITH RECURSIVE tree (id) AS (SELECT CAST(:team AS BIGINT) "
                    + "UNION ALL SELECT x.id FROM teams x JOIN tree ON x.parent_id = tree.id) SELECT id FROM tree)");
            params.put("team", team);
        }
        if (customer != null) {
            where.append(" AND t.customer_id = :customer");
            params.put("customer", customer);
        }
        if (filter.dueBy() != null) {
            where.append(" AND t.due_at < :dueBefore");
            params.put("dueBefore", Timestamp.from(filter.dueBy().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        params.put("now", Timestamp.from(now));
        where.append(switch (state == null ? "open" : state.code) {
            case "due" -> " AND t.status = 'open' AND t.due_at >= :now";
            case "overdue" -> " AND t.status = 'open' AND t.due_at < :now";
            case "done" -> " AND t.status = 'done'";
            case "cancelled" -> " AND t.status = 'cancelled'";
            default -> " AND t.status = 'open'";
        });
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.query(SELECT + where + " ORDER BY t.due_at, t.id LIMIT :limit OFFSET :offset", params,
                (rs, row) -> task(rs, now));
    }

    Optional<TaskView> find(long id, Instant now) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("id", id);
        return jdbc.query(SELECT + condition.sql() + " AND t.id = :id", params, (rs, row) -> task(rs, now)).stream()
                .findFirst();
    }

    int complete(long id, String outcome, String by, Instant at) {
        return jdbc.update("UPDATE playbook_tasks SET status = 'done', outcome = :outcome, done_at = :at, "
                + "done_by = :by WHERE id = :id AND status = 'open'", Map.of("outcome", outcome, "at",
                Timestamp.from(at), "by", by, "id", id));
    }

    int cancel(long id, String by, Instant at) {
        return jdbc.update("UPDATE playbook_tasks SET status = 'cancelled', done_at = :at, done_by = :by "
                + "WHERE id = :id AND status = 'open'", Map.of("at", Timestamp.from(at), "by", by, "id", id));
    }

    private static TaskView task(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        Instant due = rs.getTimestamp("due_at").toInstant();
        TaskState state = switch (status) {
            case "done" -> TaskState.DONE;
            case "cancelled" -> TaskState.CANCELLED;
            default -> due.isBefore(now) ? TaskState.OVERDUE : TaskState.DUE;
        };
        Timestamp done = rs.getTimestamp("done_at");
        // titles and descriptions come from templates that quote the customer; outcomes are typed by people
        String name = rs.getString("customer_name");
        String type = rs.getString("customer_type");
        return new TaskView(rs.getLong("id"), rs.getLong("customer_id"), PersonalData.nameFor(name, type),
                (Long) rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
                (Long) rs.getObject("team_id", Long.class), rs.getString("team_name"), rs.getString("kind"),
                PersonalData.textAboutFor(rs.getString("title"), name, type),
                PersonalData.textAboutFor(rs.getString("description"), name, type), rs.getString("priority"), due,
                state.code, state.zh, state.en, PersonalData.textAboutFor(rs.getString("outcome"), name, type), done == null ? null : done.toInstant(),
                rs.getString("done_by"), rs.getTimestamp("created_at").toInstant(),
                (Long) rs.getObject("escalation_of", Long.class), (Long) rs.getObject("breach_id", Long.class));
    }
}
