package org.strata.server.quality;

import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.util.stream.Collectors;

/**
 * The quality report for a terminal ({@code strata quality}) or as JSON ({@code --json}). Chinese labels go last on
 * each line because their double-width characters would break the alignment of any column after them.
 */
@Component
public class QualityReportText {

    private final ObjectMapper mapper;

    public QualityReportText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String json(QualityReport report) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    public String text(QualityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Data quality 数据质量报告 — ").append(report.generatedAt());
        if (report.source() != null) {
            out.append(" — source ").append(report.source());
        }
        out.append("\n\n");
        out.append(String.format("  %12s %12s %12s  %s%n", "customers", "orders", "events", "source"));
        for (QualityReport.SourceQuality source : report.sources()) {
            out.append(String.format("  %,12d %,12d %,12d  %s%n", source.customers(), source.orders(),
                    source.events(), source.source()));
        }
        QualityReport.SourceQuality totals = report.totals();
        out.append(String.format("  %,12d %,12d %,12d  %s%n", totals.customers(), totals.orders(), totals.events(),
                "(all)"));
        for (QualityReport.SourceQuality source : report.sources()) {
            if (source.findings().stream().anyMatch(f -> f.count() > 0)) {
                out.append("\n").append(source.source()).append("\n");
                source.findings().stream().filter(f -> f.count() > 0).forEach(f -> finding(out, f));
            }
        }
        out.append("\nAll sources 全部来源\n");
        totals.findings().forEach(f -> finding(out, f));
        return out.toString();
    }

    private static void finding(StringBuilder out, QualityReport.Finding finding) {
        String samples = finding.sampleIds().isEmpty() ? ""
                : "  e.g. " + finding.entity() + " " + finding.sampleIds().stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        out.append(String.format("  %-28s %,10d  %s%s%n", finding.check(), finding.count(), finding.label(), samples));
    }
}
