package org.strata.server.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import org.strata.server.access.SignedInUser;
import org.strata.server.dashboard.CustomerBrowser;
import org.strata.server.playbook.task.TaskFilter;
import org.strata.server.playbook.task.TaskLists;
import org.strata.server.playbook.task.TaskView;

/**
 * Tasks: the caller's own, their team's (its groups included) or every task they may see, filtered by state, owner
 * and due day. The list is the API's scoped query, so nobody sees a task of a customer outside their data scope.
 * Tasks are completed through the task API by the page's script.
 */
@Controller
class TaskPages implements ConsolePage {

    static final int PAGE_SIZE = 50;
    static final List<String> VIEWS = List.of("mine", "team", "all");
    static final List<String> STATES = List.of("due", "overdue", "done", "cancelled");

    private final TaskLists tasks;
    private final CustomerBrowser customers;

    TaskPages(TaskLists tasks, CustomerBrowser customers) {
        this.tasks = tasks;
        this.customers = customers;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "mine") String view, @RequestParam(required = false) String state,
                 @RequestParam(required = false) Long owner,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        SignedInUser me = CurrentUser.get().orElseThrow();
        String shown = VIEWS.contains(view) ? view : "mine";
        String shownState = state != null && STATES.contains(state) ? state : "";
        boolean teamless = shown.equals("team") && me.teamId() == null;
        Long ownerFilter = shown.equals("mine") ? Long.valueOf(me.id()) : owner;
        Long teamFilter = shown.equals("team") ? me.teamId() : null;
        int from = Math.max(page, 0);
        // one row more than shown tells whether a next page exists
        List<TaskView> found = teamless ? List.of() : tasks.find(
                new TaskFilter(ownerFilter, teamFilter, null, shownState, dueBy), from, PAGE_SIZE + 1);
        model.addAttribute("section", "tasks");
        model.addAttribute("view", shown);
        model.addAttribute("views", VIEWS);
        model.addAttribute("state", shownState);
        model.addAttribute("states", STATES);
        model.addAttribute("owner", shown.equals("mine") ? null : owner);
        model.addAttribute("owners", customers.owners());
        model.addAttribute("dueBy", dueBy);
        model.addAttribute("teamless", teamless);
        model.addAttribute("tasks", found.subList(0, Math.min(found.size(), PAGE_SIZE)));
        model.addAttribute("page", from);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("query", query(shown, shownState, owner, dueBy));
        model.addAttribute("canWork", CurrentUser.can(Permission.WORK_TASKS));
        return "tasks";
    }

    /** The view and filters as a query string (without the page), for the pager. */
    static String query(String view, String state, Long owner, LocalDate dueBy) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance().queryParam("view", view);
        if (!state.isEmpty()) {
            uri.queryParam("state", state);
        }
        if (owner != null && !view.equals("mine")) {
            uri.queryParam("owner", owner);
        }
        if (dueBy != null) {
            uri.queryParam("dueBy", dueBy);
        }
        return uri.encode().build().getQuery();
    }
}
