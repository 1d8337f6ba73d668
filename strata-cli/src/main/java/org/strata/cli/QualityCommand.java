package org.strata.cli;

import org.strata.server.quality.QualityReport;
import org.strata.server.quality.QualityReportService;
import org.strata.server.quality.QualityReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Prints the data-quality report: missing and invalid phones and emails, merged duplicates, "
                + "orders without a known customer, orders dated in the future, zero or negative amounts, events "
                + "without a customer; per source, with sample ids."},
        footer = {"", "Examples:", "  strata quality --data ./strata-data",
                "  strata quality --db jdbc:postgresql://db:5432/strata --source 天猫 --json"})
public class QualityCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only this source (e.g. 天猫).")
    String source;

    @Option(names = "--json", description = "Print the report as JSON (the same document as GET /api/v1/quality).")
    boolean json;

    @Override
    public Integer call() {
        ServerLauncher.Database settings = database.database();
        try (RunningStrata strata = ServerLauncher.startWithoutWeb(settings)) {
            QualityReport report = strata.bean(QualityReportService.class).report(source);
            System.out.println(json ? strata.bean(QualityReportText.class).json(report)
                    : strata.bean(QualityReportText.class).text(report));
            return 0;
        } catch (StartupFailure e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
