package org.strata.server.ingest;

import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.DataScope;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.report.ErrorReportWriter;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Ingestion", description = "File imports (CSV, Excel) running in the background")
class ImportController {

    private final FileImports fileImports;
    private final ImportService imports;
    private final ImportDefaults defaults;
    private final ImportJobs jobs;

    ImportController(FileImports fileImports, ImportService imports, ImportJobs jobs, ImportDefaults defaults) {
        this.defaults = defaults;
        this.fileImports = fileImports;
        this.imports = imports;
        this.jobs = jobs;
    }

    @Access(value = Permission.IMPORT, audit = "import.file")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start importing a CSV or .xlsx file", description = "Answers at once with the job; follow "
            + "it with GET /api/v1/imports/{id}. Rows are stored in batches, each in one transaction; importing the "
            + "same file again changes nothing.")
    @ApiResponse(responseCode = "202", description = "the import runs; Location names the job")
    @ApiResponse(responseCode = "400", description = "the file cannot be imported at all (empty, not CSV or Excel, "
            + "a required column missing, bad mapping or encoding); the detail says what and where")
    ResponseEntity<ImportJobView> start(
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "customers, orders, order-lines or events") @RequestParam String kind,
            @Parameter(description = "field=header pairs, e.g. customer_id=会员号,amount=实付金额")
            @RequestParam(required = false) String mapping,
            @Parameter(description = "e.g. UTF-8, GBK, GB18030; detected when absent")
            @RequestParam(required = false) String encoding,
            @Parameter(description = "namespace of the ids in the file, e.g. shop; default import")
            @RequestParam(required = false) String source) throws IOException {
        ImportKind importKind = ImportKindNames.parse(kind);
        ImportOptions options = defaults.options().withSource(source).withEncoding(encoding);
        if (mapping != null && !mapping.isBlank()) {
            options = options.withMapping(mapping);
        }
        // The upload is kept in a file of our own: the request's temporary file is gone when the request ends.
        Path copy = Files.createTempFile("strata-import-", ".upload");
        file.transferTo(copy);
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        long id = fileImports.start(importKind, copy, name, options);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(view(id));
    }

    @Access(Permission.IMPORT)
    @GetMapping("/{id}")
    @Operation(summary = "Status, progress and counts of an import")
    @ApiResponse(responseCode = "404", description = "no import with this id")
    ImportJobView job(@PathVariable long id) {
        return view(id);
    }

    @Access(value = Permission.IMPORT, audit = "export.import_errors")
    @GetMapping(value = "/{id}/errors", produces = "text/csv")
    @Operation(summary = "The rejected rows as CSV", description = "Columns line, column, field, value, reason; "
            + "UTF-8 with BOM so that Excel shows Chinese text correctly.")
    @ApiResponse(responseCode = "404", description = "no import with this id")
    void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
        view(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"");
        // Streamed row by row from the database: a report of millions of rejected rows never sits in memory.
        try (ErrorReportWriter report = new ErrorReportWriter(response.getOutputStream(),
                LocaleContextHolder.getLocale())) {
            jobs.forEachError(id, report::write);
        }
    }

    /**
     * An import is seen by whoever started it and by those who see every customer: its counts and rejected rows
     * (personal data in their raw values) are not limited to one person's customers.
     */
    private ImportJobView view(long id) {
        boolean visible = CurrentUser.get().map(user -> user.scope() == DataScope.ALL
                || jobs.startedBy(id).map(user.getUsername()::equals).orElse(false)).orElse(true);
        if (!visible) {
            throw new NoSuchElementException("no import with id " + id);
        }
        return ImportJobView.of(imports.job(id).orElseThrow(() -> new NoSuchElementException("no import with id "
                + id)), LocaleContextHolder.getLocale());
    }

    @ExceptionHandler
    ProblemDetail notFound(NoSuchElementException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Import not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadable(ImportFileException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "File cannot be imported", e);
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badRequest(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid import request", e.getMessage());
    }
}
