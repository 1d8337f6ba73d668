package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.strata.server.quality.QualityReport;
import org.strata.server.quality.QualityReportService;
import java.util.ArrayList;
import java.util.List;

/** The data-quality report: defects per source with counts and sample records. */
@Controller
class QualityPage implements ConsolePage {

    private final QualityReportService reports;

    QualityPage(QualityReportService reports) {
        this.reports = reports;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/quality")
    String quality(@RequestParam(required = false) String source, Model model) {
        model.addAttribute("section", "quality");
        QualityReport report = reports.report(source == null || source.isBlank() ? null : source);
        List<QualityReport.SourceQuality> sections = new ArrayList<>();
        sections.add(report.totals());
        sections.addAll(report.sources());
        model.addAttribute("report", report);
        model.addAttribute("sections", sections);
        return "quality";
    }
}
