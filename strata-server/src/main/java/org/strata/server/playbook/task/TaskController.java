package org.strata.server.playbook.task;

import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookConflictException;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;

@Tag(name = "Tasks", description = "Tasks of owners and teams (due, overdue, done with outcome) and escalations")
@RestController
@Access(value = Permission.READ, customerScoped = true)
@RequestMapping("/api/v1/tasks")
class TaskController {

    private static final int MAX_PAGE = 500;

    private final TaskStore tasks;
    private final PlaybookTime time;

    TaskController(TaskStore tasks, PlaybookTime time) {
        this.tasks = tasks;
        this.time = time;
    }

    record CompleteRequest(String outcome) {
    }

    @Operation(summary = "Tasks of an owner or a team (its groups included); state = due, overdue, done, cancelled "
            + "(default: every open task); dueBy = due on or before that day")
    @GetMapping
    List<TaskView> list(@RequestParam(required = false) Long owner, @RequestParam(required = false) Long team,
                        @RequestParam(required = false) Long customer, @RequestParam(required = false) String state,
                        @RequestParam(required = false) LocalDate dueBy,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return tasks.list(new TaskFilter(owner, team, customer, state, dueBy), time.now(), Math.max(page, 0),
                Math.min(Math.max(size, 1), MAX_PAGE));
    }

    @Operation(summary = "A task")
    @GetMapping("/{id}")
    TaskView get(@PathVariable long id) {
        return tasks.find(id, time.now()).orElseThrow(() -> new PlaybookNotFoundException("no task " + id));
    }

    @Operation(summary = "Mark a task done with its outcome (a done task counts as a contact for SLAs)")
    @Access(value = Permission.WORK_TASKS, customerScoped = true, audit = "task.complete")
    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable long id, @RequestBody CompleteRequest request) {
        if (request.outcome() == null || request.outcome().isBlank()) {
            throw new PlaybookBadRequestException("/outcome", "required: what came of the task");
        }
        get(id);
        if (tasks.complete(id, request.outcome().trim(), CurrentUser.name(), time.now()) == 0) {
            throw new PlaybookConflictException("task " + id + " is not open");
        }
        return get(id);
    }

    @Operation(summary = "Cancel an open task")
    @Access(value = Permission.WORK_TASKS, customerScoped = true, audit = "task.cancel")
    @PostMapping("/{id}/cancel")
    TaskView cancel(@PathVariable long id) {
        get(id);
        if (tasks.cancel(id, CurrentUser.name(), time.now()) == 0) {
            throw new PlaybookConflictException("task " + id + " is not open");
        }
        return get(id);
    }
}
