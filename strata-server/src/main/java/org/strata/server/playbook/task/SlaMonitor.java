package org.strata.server.playbook.task;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.playbook.PlaybookRecorder;
import org.strata.server.playbook.PlaybookTime;

/**
 * Detects SLA breaches, resolves them once the contact happens, escalates new breaches and overdue tasks to the
 * manager of the owner's team (an escalation task), and fires the "SLA breached" playbooks. Set-based: each step is
 * one statement over all customers of a policy's tier. A contact is a done task or an event of the policy's types.
 */
@Service
public class SlaMonitor {

    /** Managers get a day to act on an escalation. */
    private static final Duration ESCALATION_DUE = Duration.ofHours(24);
    private static final String BREACH_CANDIDATES = "SELECT p.id AS playbook_id, b.customer_id AS customer_id, "
            + "CAST(b.id AS VARCHAR(40)) AS source_ref, CAST(b.policy_id AS VARCHAR(40)) AS detail, "
            + "b.detected_at AS occurred_at, p.holdout_percent AS holdout_percent FROM sla_breaches b "
            + "JOIN playbooks p ON p.enabled = TRUE AND p.trigger_kind = 'sla_breached' "
            + "AND (p.trigger_policy IS NULL OR p.trigger_policy = b.policy_id) WHERE b.detected_at = ?";

    private final JdbcTemplate jdbc;
    private final SlaPolicies policies;
    private final PlaybookRecorder recorder;

    SlaMonitor(JdbcTemplate jdbc, SlaPolicies policies, PlaybookRecorder recorder) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.recorder = recorder;
    }

    public record CheckResult(Instant at, int breaches, int resolved, int escalations, int playbookEntries) {
    }

    @Transactional
    public CheckResult check(Instant asOf) {
        // detected_at is how this check finds its own breaches again: keep it exactly representable
        Instant now = PlaybookTime.micros(asOf);
        Timestamp at = Timestamp.from(now);
        int breaches = 0;
        int resolved = 0;
        for (SlaPolicyView policy : policies.enabled()) {
            resolved += resolve(policy, at);
            breaches += policy.kind().equals("first_contact") ? firstContact(policy, at) : interval(policy, at);
        }
        int escalations = escalateBreaches(at) + escalateOverdueTasks(at);
        int entries = recorder.fire("sla", BREACH_CANDIDATES, now, at);
        return new CheckResult(now, breaches, resolved, escalations, entries);
    }

    /** Members who entered after the policy began and had no contact within {@code hours} of entering. */
    private int firstContact(SlaPolicyView p, Timestamp now) {
        String due = "m.since + " + hours(p);
        return jdbc.update("INSERT INTO sla_breaches (policy_id, customer_id, owner_id, due_at, detected_at) "
                + "SELECT p.id, m.customer_id, c.owner_id, " + due + ", CAST(? AS TIMESTAMP WITH TIME ZONE) "
                + "FROM sla_policies p JOIN tiering_memberships m ON m.scheme_id = p.scheme_id "
                + "AND m.tier_key = p.tier_key JOIN customers c ON c.id = m.customer_id "
                + "WHERE p.id = ? AND m.since >= p.created_at AND " + due + " < ? "
                + "AND NOT " + contactBetween(p, "m.customer_id", "m.since", due)
                + " AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.policy_id = p.id "
                + "AND b.customer_id = m.customer_id AND b.due_at = " + due + ")", now, p.id(), now);
    }

    /** Members whose last contact (or entry, or the policy's start) is more than {@code hours} ago. */
    private int interval(SlaPolicyView p, Timestamp now) {
        String types = String.join(", ", p.contactTypes().stream().map(t -> "'" + t + "'").toList());
        String due = "x.last_contact + " + hours(p);
        return jdbc.update("INSERT INTO sla_breaches (policy_id, customer_id, owner_id, due_at, detected_at) "
                + "SELECT x.policy_id, x.customer_id, x.owner_id, " + due + ", CAST(? AS TIMESTAMP WITH TIME ZONE) "
                + "FROM (SELECT p.id AS policy_id, m.customer_id, c.owner_id, GREATEST(m.since, p.created_at, "
                + "COALESCE((SELECT MAX(e.occurred_at) FROM events e WHERE e.customer_id = m.customer_id "
                + "AND e.type IN (" + types + ")), m.since), "
                + "COALESCE((SELECT MAX(t.done_at) FROM playbook_tasks t WHERE t.customer_id = m.customer_id "
                + "AND t.status = 'done'), m.since)) AS last_contact FROM sla_policies p "
                + "JOIN tiering_memberships m ON m.scheme_id = p.scheme_id AND m.tier_key = p.tier_key "
                + "JOIN customers c ON c.id = m.customer_id WHERE p.id = ?) x WHERE " + due + " < ? "
                + "AND NOT EXISTS (SELECT 1 FROM sla_breaches b WHERE b.policy_id = x.policy_id "
                + "AND b.customer_id = x.customer_id AND b.due_at = " + due + ")", now, p.id(), now);
    }

    /** Open breaches end when a contact came after the period began, or the customer left the tier. */
    private int resolve(SlaPolicyView p, Timestamp now) {
        String since = "b.due_at - " + hours(p);
        return jdbc.update("UPDATE sla_breaches b SET resolved_at = ? WHERE b.policy_id = ? AND b.resolved_at IS NULL "
                + "AND (" + contactBetween(p, "b.customer_id", since, null)
                + " OR NOT EXISTS (SELECT 1 FROM tiering_memberships m JOIN tiering_schemes s ON s.id = m.scheme_id "
                + "WHERE s.scheme_key = ? AND m.tier_key = ? AND m.customer_id = b.customer_id))", now, p.id(), p.scheme(),
                p.tier());
    }

    /** New breaches become a task for the manager of the owner's team (or of the customer's team). */
    private int escalateBreaches(Timestamp now) {
        int escalated = jdbc.update("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, "
                + "description, priority, due_at, status, created_at, breach_id) SELECT b.customer_id, tm.manager_id, "
                + "tm.id, 'escalation', CONCAT('SLA 违约 / SLA breached: ', p.name_zh), CONCAT(p.name_en, ' — ', "
                + "COALESCE(u.display_name, '-')), 'high', CAST(? AS TIMESTAMP WITH TIME ZONE), 'open', "
                + "CAST(? AS TIMESTAMP WITH TIME ZONE), b.id FROM sla_breaches b "
                + "JOIN sla_policies p ON p.id = b.policy_id JOIN customers c ON c.id = b.customer_id "
                + "LEFT JOIN users u ON u.id = b.owner_id JOIN teams tm ON tm.id = COALESCE(u.team_id, c.team_id) "
                + "WHERE b.detected_at = ? AND b.escalation_task_id IS NULL AND tm.manager_id IS NOT NULL",
                Timestamp.from(now.toInstant().plus(ESCALATION_DUE)), now, now);
        jdbc.update("UPDATE sla_breaches SET escalation_task_id = (SELECT MIN(t.id) FROM playbook_tasks t "
                + "WHERE t.breach_id = sla_breaches.id) WHERE detected_at = ? AND escalation_task_id IS NULL", now);
        return escalated;
    }

    /** Open tasks past due are escalated once to the manager of the owner's team. */
    private int escalateOverdueTasks(Timestamp now) {
        int escalated = jdbc.update("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, "
                + "description, priority, due_at, status, created_at, escalation_of) SELECT t.customer_id, "
                + "tm.manager_id, tm.id, 'escalation', CONCAT('任务逾期 / Task overdue: ', t.title), "
                + "CONCAT(COALESCE(u.display_name, '-'), ' — ', COALESCE(t.description, '')), 'high', "
                + "CAST(? AS TIMESTAMP WITH TIME ZONE), 'open', CAST(? AS TIMESTAMP WITH TIME ZONE), t.id "
                + "FROM playbook_tasks t JOIN customers c ON c.id = t.customer_id "
                + "LEFT JOIN users u ON u.id = t.owner_id JOIN teams tm ON tm.id = COALESCE(u.team_id, t.team_id) "
                + "WHERE t.kind = 'task' AND t.status = 'open' AND t.due_at < ? AND t.escalated_at IS NULL "
                + "AND tm.manager_id IS NOT NULL", Timestamp.from(now.toInstant().plus(ESCALATION_DUE)), now, now);
        jdbc.update("UPDATE playbook_tasks SET escalated_at = ? WHERE kind = 'task' AND escalated_at IS NULL "
                + "AND id IN (SELECT escalation_of FROM playbook_tasks WHERE escalation_of IS NOT NULL)", now);
        return escalated;
    }

    /**
     * A contact of {@code customer} between two SQL instants ({@code to} null = ever since): a done task or an event
     * of the policy's types. The types are written into the statement: SlaPolicies lets only words through.
     */
    private static String contactBetween(SlaPolicyView p, String customer, String from, String to) {
        String types = String.join(", ", p.contactTypes().stream().map(t -> "'" + t + "'").toList());
        String eventsUntil = to == null ? "" : " AND e.occurred_at <= " + to;
        String tasksUntil = to == null ? "" : " AND t.done_at <= " + to;
        return "(EXISTS (SELECT 1 FROM events e WHERE e.customer_id = " + customer + " AND e.type IN (" + types
                + ") AND e.occurred_at >= " + from + eventsUntil + ") "
                + "OR EXISTS (SELECT 1 FROM playbook_tasks t WHERE t.customer_id = " + customer
                + " AND t.status = 'done' AND t.done_at >= " + from + tasksUntil + "))";
    }

    private static String hours(SlaPolicyView p) {
        // an integer from the policy row, not user text: safe to write into the statement
        return "INTERVAL '" + p.hours() + "' HOUR";
    }
}
