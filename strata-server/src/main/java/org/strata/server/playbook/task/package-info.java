/**
 * Tasks and SLA policies of the playbook module. Exposed as the named interface "task" so the web console can list
 * tasks through {@link org.strata.server.playbook.task.TaskLists} with the same scoped query as the API.
 */
@org.springframework.modulith.NamedInterface("task")
package org.strata.server.playbook.task;
