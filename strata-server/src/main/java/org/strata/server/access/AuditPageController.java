package org.strata.server.access;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneId;

/** A plain page over the audit log for administrators, with the API's filters and a link to the CSV export. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 100;

    private final AuditLog audit;
    private final ZoneId zone;

    AuditPageController(AuditLog audit, @org.springframework.beans.factory.annotation.Value("${strata.time-zone}")
            String zone) {
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/audit")
    @Access(Permission.MANAGE_USERS)
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String outcome,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, outcome,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        int current = Math.max(page, 0);
        model.addAttribute("rows", audit.find(filter, current, PAGE_SIZE).stream()
                .map(row -> new AuditLog.Row(row.id(), row.at().atZoneSameInstant(zone).toOffsetDateTime(),
                        row.actor(), row.action(), row.target(), row.detail(), row.outcome(), row.ip())).toList());
        model.addAttribute("total", audit.count(filter));
        model.addAttribute("page", current);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "access/audit";
    }
}
