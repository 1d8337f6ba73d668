package org.strata.server.quality;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quality")
@Tag(name = "Data quality", description = "What is missing or wrong in the imported data, by source")
class QualityController {

    private final QualityReportService reports;

    QualityController(QualityReportService reports) {
        this.reports = reports;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping
    @Operation(summary = "The data-quality report",
            description = "Per source and in total: customers missing or with invalid phones and emails, merged "
                    + "duplicates (active and undone), orders without a known customer, orders dated in the future, "
                    + "orders with zero or negative amounts, events without a customer; each with a count and up "
                    + "to five sample ids.")
    QualityReport report(@Parameter(description = "Restrict to one source, e.g. 天猫")
                         @RequestParam(required = false) String source) {
        return reports.report(source == null || source.isBlank() ? null : source.trim());
    }
}
