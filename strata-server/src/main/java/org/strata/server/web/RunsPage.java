package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strata.server.dashboard.RunHistory;

/** Run history with durations and moves, "run now" and the schedule of each scheme. */
@Controller
class RunsPage implements ConsolePage {

    private static final int RUNS_SHOWN = 50;

    private final RunHistory history;

    RunsPage(RunHistory history) {
        this.history = history;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/runs")
    String runs(Model model) {
        model.addAttribute("section", "runs");
        model.addAttribute("schemes", history.schemes());
        model.addAttribute("runs", history.recent(RUNS_SHOWN));
        return "runs";
    }
}
