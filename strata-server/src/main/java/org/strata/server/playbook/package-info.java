/**
 * Playbooks: when a trigger fires for a customer (entered or left a tier, stayed N days, lifecycle stage changed,
 * churn warning raised, SLA breached, tag added or removed), carry out actions (tasks, owner assignment, tags,
 * webhooks, group-robot messages, e-mail). Firing writes entries and their deliveries (the transactional outbox) in
 * the transaction of the change that caused them; {@code delivery} carries them out at least once. {@code task}
 * holds tasks and SLAs, {@code warning} churn warnings, {@code experiment} the holdout reports.
 */
package org.strata.server.playbook;
