package org.strata.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import org.strata.server.dashboard.PublishedSchemes;

/**
 * SLA policies per tier (created, edited, switched on and off through the SLA API by the page's script) and the
 * compliance report by tier and owner, as a table and a chart.
 */
@Controller
class SlaPages implements ConsolePage {

    private final PublishedSchemes schemes;
    private final PageData data;

    SlaPages(PublishedSchemes schemes, PageData data) {
        this.schemes = schemes;
        this.data = data;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/sla")
    String sla(Model model) {
        boolean canManage = CurrentUser.can(Permission.MANAGE_PLAYBOOKS);
        model.addAttribute("section", "sla");
        model.addAttribute("canManage", canManage);
        model.addAttribute("slaData", data.of(java.util.Map.of("schemes", schemes.all(), "canManage", canManage)));
        return "sla";
    }
}
