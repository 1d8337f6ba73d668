package org.strata.server.playbook.task;

import org.strata.server.access.Access;
import org.strata.server.access.PersonalData;
import org.strata.server.access.Permission;
import org.strata.server.access.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

@Tag(name = "SLAs", description = "SLA policies per tier, breaches with escalation, and the compliance report")
@RestController
@Access(value = Permission.READ, customerScoped = true)
@RequestMapping("/api/v1/sla")
class SlaController {

    private final SlaPolicies policies;
    private final SlaMonitor monitor;
    private final SlaCompliance compliance;
    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;
    private final PlaybookTime time;

    SlaController(SlaPolicies policies, SlaMonitor monitor, SlaCompliance compliance, NamedParameterJdbcTemplate jdbc,
                  CustomerScope scope, PlaybookTime time) {
        this.policies = policies;
        this.monitor = monitor;
        this.compliance = compliance;
        this.jdbc = jdbc;
        this.scope = scope;
        this.time = time;
    }

    record Breach(long id, long policyId, String policyZh, String policyEn, long customerId, String customerName,
                  Long ownerId, String ownerName, Instant dueAt, Instant detectedAt, Instant resolvedAt,
                  Long escalationTaskId) {
    }

    @Operation(summary = "SLA policies")
    @GetMapping("/policies")
    List<SlaPolicyView> list() {
        return policies.list();
    }

    @Operation(summary = "Create an SLA policy for a tier: first_contact within N hours of entering, or "
            + "contact_interval (a contact at least every N hours)")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "sla.policy.create")
    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    SlaPolicyView create(@RequestBody SlaPolicyRequest request) {
        return policies.create(request);
    }

    @Operation(summary = "Replace a policy's tier, kind, hours, contact types and names (breaches already "
            + "recorded stay)")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "sla.policy.update")
    @PutMapping("/policies/{id}")
    SlaPolicyView update(@PathVariable long id, @RequestBody SlaPolicyRequest request) {
        policies.find(id).orElseThrow(() -> new PlaybookNotFoundException("no SLA policy " + id));
        return policies.update(id, request);
    }

    @Operation(summary = "Switch a policy on again")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "sla.policy.enable")
    @PostMapping("/policies/{id}/enable")
    SlaPolicyView enable(@PathVariable long id) {
        return switchPolicy(id, true);
    }

    @Operation(summary = "Switch a policy off (its open breaches stay until resolved)")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "sla.policy.disable")
    @PostMapping("/policies/{id}/disable")
    SlaPolicyView disable(@PathVariable long id) {
        return switchPolicy(id, false);
    }

    private SlaPolicyView switchPolicy(long id, boolean enabled) {
        policies.find(id).orElseThrow(() -> new PlaybookNotFoundException("no SLA policy " + id));
        policies.enable(id, enabled);
        return policies.find(id).orElseThrow();
    }

    @Operation(summary = "Check every policy now: record breaches, resolve, escalate, fire SLA playbooks")
    @Access(value = Permission.RUN, audit = "sla.check")
    @PostMapping("/check")
    SlaMonitor.CheckResult check() {
        return monitor.check(time.now());
    }

    @Operation(summary = "Breaches, newest first (open only unless all=true)")
    @GetMapping("/breaches")
    List<Breach> breaches(@RequestParam(defaultValue = "false") boolean all,
                          @RequestParam(required = false) Long policy,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(condition.sql());
        if (!all) {
            where.append(" AND b.resolved_at IS NULL");
        }
        if (policy != null) {
            where.append(" AND b.policy_id = :policy");
            params.put("policy", policy);
        }
        int limit = Math.min(Math.max(size, 1), 500);
        params.put("limit", limit);
        params.put("offset", (long) Math.max(page, 0) * limit);
        return jdbc.query("SELECT b.*, p.name_zh, p.name_en, c.name AS customer_name, c.type AS customer_type, "
                + "u.display_name AS owner_name FROM sla_breaches b JOIN sla_policies p ON p.id = b.policy_id "
                + "JOIN customers c ON c.id = b.customer_id LEFT JOIN users u ON u.id = b.owner_id WHERE " + where
                + " ORDER BY b.detected_at DESC, b.id DESC LIMIT :limit OFFSET :offset", params, (rs, row) -> {
                    Timestamp resolved = rs.getTimestamp("resolved_at");
                    return new Breach(rs.getLong("id"), rs.getLong("policy_id"), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getLong("customer_id"),
                            PersonalData.nameFor(rs.getString("customer_name"), rs.getString("customer_type")),
                            (Long) rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
                            rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("detected_at").toInstant(),
                            resolved == null ? null : resolved.toInstant(),
                            (Long) rs.getObject("escalation_task_id", Long.class));
                });
    }

    @Operation(summary = "Compliance by policy (tier) and owner: customers, in open breach, share compliant")
    @GetMapping("/compliance")
    List<SlaCompliance.Row> compliance() {
        return compliance.report();
    }
}
