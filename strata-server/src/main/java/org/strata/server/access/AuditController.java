package org.strata.server.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The audit log for administrators: filtered pages and a CSV export (itself audited). */
@RestController
@Tag(name = "Audit log", description = "Who did what, when, from where")
class AuditController {

    private static final int MAX_PAGE = 500;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditLog.Row> items, int page, int size, long total) {
    }

    @GetMapping("/api/v1/audit")
    @Access(Permission.MANAGE_USERS)
    @Operation(summary = "Audit entries, newest first; action matches exactly or by area (scheme = scheme.*)")
    AuditPage find(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE);
        }
        AuditLog.Filter filter = new AuditLog.Filter(actor, action, outcome, from, to);
        return new AuditPage(audit.find(filter, page, size), page, size, audit.count(filter));
    }

    @GetMapping(value = "/api/v1/audit/export", produces = "text/csv")
    @Access(value = Permission.MANAGE_USERS, audit = "export.audit")
    @Operation(summary = "The matching entries as CSV (UTF-8 with BOM for Excel), oldest first")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String outcome,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"strata-audit.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
                .setHeader("id", "at", "actor", "action", "target", "detail", "outcome", "ip").get())) {
            audit.each(new AuditLog.Filter(actor, action, outcome, from, to), row -> {
                try {
                    csv.printRecord(row.id(), row.at(), CsvCell.safe(row.actor()), row.action(),
                            CsvCell.safe(row.target()), CsvCell.safe(row.detail()), row.outcome(), row.ip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
