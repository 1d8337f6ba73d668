package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strata.server.dashboard.PublishedSchemes;

/** The page a manager opens every morning; its charts load from /api/v1/dashboard. */
@Controller
class DashboardPage implements ConsolePage {

    private final PublishedSchemes schemes;
    private final ZoneId zone;

    DashboardPage(PublishedSchemes schemes, @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.schemes = schemes;
        this.zone = ZoneId.of(zone);
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(zone);
        model.addAttribute("section", "dashboard");
        model.addAttribute("schemes", schemes.all());
        // the API's default period: the twelve whole months up to this one (a day a year ago would make thirteen)
        model.addAttribute("from", today.minusMonths(11).withDayOfMonth(1));
        model.addAttribute("to", today);
        return "dashboard";
    }
}
