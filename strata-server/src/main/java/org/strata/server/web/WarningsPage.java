package org.strata.server.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.playbook.warning.ChurnSignal;
import org.strata.server.playbook.warning.WarningView;
import org.strata.server.playbook.warning.Warnings;

/** Churn warnings of the caller's customers, newest first, by signal and state; "scan now" for those who may run. */
@Controller
class WarningsPage implements ConsolePage {

    private static final int PAGE_SIZE = 50;

    private final Warnings warnings;

    WarningsPage(Warnings warnings) {
        this.warnings = warnings;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/warnings")
    String list(@RequestParam(required = false) String signal, @RequestParam(defaultValue = "open") String state,
                @RequestParam(defaultValue = "0") int page, Model model) {
        // values a hand-edited address may carry that are not filters are ignored, not refused
        String knownSignal = Arrays.stream(ChurnSignal.values()).map(ChurnSignal::code)
                .filter(code -> code.equals(signal)).findFirst().orElse(null);
        Warnings.State knownState = Arrays.stream(Warnings.State.values()).filter(s -> s.code().equals(state))
                .findFirst().orElse(Warnings.State.OPEN);
        int current = Math.max(page, 0);
        List<WarningView> rows = warnings.list(knownSignal, knownState, current, PAGE_SIZE + 1);
        model.addAttribute("section", "warnings");
        model.addAttribute("signals", Arrays.stream(ChurnSignal.values()).map(ChurnSignal::code).toList());
        model.addAttribute("states", Arrays.stream(Warnings.State.values()).map(Warnings.State::code).toList());
        model.addAttribute("signal", knownSignal);
        model.addAttribute("state", knownState.code());
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("query", (knownSignal == null ? "" : "signal=" + knownSignal + "&") + "state="
                + knownState.code() + "&");
        return "warnings";
    }
}
