package org.strata.cli;

import org.strata.server.ingest.ImportDefaults;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ImportJobs;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportKindNames;
import org.strata.server.ingest.ImportService;
import org.strata.server.ingest.ImportStatus;
import org.strata.server.ingest.RowSource;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.ingest.read.ParsedRows;
import org.strata.server.ingest.report.ErrorReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code strata import KIND FILE}: the same import as the API, into the database {@code serve} uses. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a CSV or Excel (.xlsx) file of customers, orders, order lines or events.",
                "Valid rows are stored (again importing the same file changes nothing); rejected rows are listed "
                        + "with line, column and reason in an error report.",
                "Exit code: 0 all rows accepted, 2 some rows rejected, 1 the file could not be imported."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all rows were accepted", "1:the file could not be imported", "2:some rows were rejected"})
public final class ImportCommand implements Callable<Integer> {

    static final int ALL_ACCEPTED = 0;
    static final int FAILED = 1;
    static final int ROWS_REJECTED = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(index = "0", paramLabel = "KIND", description = "customers, orders, order-lines or events")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "CSV (UTF-8, GBK/GB18030 ...) or .xlsx")
    Path file;

    @Option(names = "--mapping", paramLabel = "FIELD=HEADER,...",
            description = "columns for fields when the guess from the headers is wrong, e.g. customer_id=会员号")
    String mapping;

    @Option(names = "--encoding", description = "e.g. UTF-8, GBK, GB18030 (default: detected)")
    String encoding;

    @Option(names = "--source", defaultValue = "import",
            description = "namespace of the ids in the file, e.g. shop, crm (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--errors", paramLabel = "REPORT.csv",
            description = "where to write the rejected rows (default: FILE.errors.csv next to the file)")
    Path errors;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportKind importKind;
        ImportOptions options;
        try {
            importKind = ImportKindNames.parse(kind);
            options = ImportOptions.defaults().withSource(source).withEncoding(encoding);
            if (mapping != null) {
                options = options.withMapping(mapping);
            }
        } catch (IllegalArgumentException e) {
            err.println("strata import: " + language.text(e));
            return FAILED;
        }
        try (RunningStrata context = ServerLauncher.startWithoutWeb(database.database())) {
            ImportService imports = context.bean(ImportService.class);
            options = options.withZone(context.bean(ImportDefaults.class).zone());
            ImportJob job;
            try (ParsedRows<?> rows = ImportReaders.open(importKind, file, options)) {
                err.println(rows.mapping().describe());
                ProgressBar progress = new ProgressBar(err, System.console() != null);
                job = imports.importRows(importKind, options.source(), file.toString(), RowSource.of(rows), progress);
                progress.finish();
            }
            String message = job.message(language.locale());
            out.println(job.status() == ImportStatus.FAILED ? language.say(CliText.IMPORT_FAILED, message) : message);
            if (job.counts().rejected() > 0) {
                Path report = errors != null ? errors : file.resolveSibling(file.getFileName() + ".errors.csv");
                writeReport(context.bean(ImportJobs.class), job.id(), report);
                out.println(language.say(CliText.REJECTED_ROWS, report.toString()));
            }
            return switch (job.status()) {
                case SUCCEEDED -> ALL_ACCEPTED;
                case COMPLETED_WITH_ERRORS -> ROWS_REJECTED;
                case FAILED, RUNNING -> FAILED;
            };
        } catch (NoSuchFileException e) {
            err.println("strata import: " + language.say(CliText.NO_SUCH_FILE, e.getFile()));
            return FAILED;
        } catch (ImportFileException | IOException e) {
            err.println("strata import: " + file + ": " + language.text(e));
            return FAILED;
        } catch (StartupFailure e) {
            err.println("strata import: " + e.getMessage());
            return FAILED;
        }
    }

    private void writeReport(ImportJobs jobs, long jobId, Path report) throws IOException {
        try (ErrorReportWriter writer = ErrorReportWriter.create(report, language.locale())) {
            jobs.forEachError(jobId, writer::write);
        }
    }
}
