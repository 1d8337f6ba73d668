package org.strata.server.playbook.task;

import java.util.List;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.PlaybookTime;

/** Task lists for the web console: the API's query, so the page shows exactly the caller's data scope too. */
@Component
public class TaskLists {

    private final TaskStore tasks;
    private final PlaybookTime time;

    TaskLists(TaskStore tasks, PlaybookTime time) {
        this.tasks = tasks;
        this.time = time;
    }

    /** One page of tasks, ordered by due time. */
    public List<TaskView> find(TaskFilter filter, int page, int size) {
        return tasks.list(filter, time.now(), page, size);
    }
}
