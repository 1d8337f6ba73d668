package org.strata.server.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.access.Access;
import org.strata.server.access.CsvCell;
import org.strata.server.access.Permission;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The customer list as CSV, with the list's filters: only customers in the caller's data scope, personal data
 * masked without the permission, cells that Excel would run as formulas neutralised. Audited.
 */
@RestController
@Tag(name = "Customers")
class CustomerExportController {

    private static final int PAGE = CustomerController.MAX_PAGE_SIZE;

    private final CustomerListRepository list;

    CustomerExportController(CustomerListRepository list) {
        this.list = list;
    }

    @GetMapping(value = "/api/v1/customers/export", produces = "text/csv")
    @Access(value = Permission.EXPORT, customerScoped = true, audit = "export.customers")
    @Operation(summary = "Export the (filtered) customer list as CSV, UTF-8 with BOM for Excel")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) Long team, @RequestParam(required = false) String industry,
                @RequestParam(required = false) String region, @RequestParam(required = false) String type,
                @RequestParam(required = false) String source, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        CustomerFilter filter = new CustomerFilter(q, owner, team, industry, region, type, source);
        CustomerSort order = CustomerSort.parse(sort);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader("id", "external_id",
                "name", "type", "phone", "email", "owner", "team", "industry", "region", "source", "created_at",
                "order_count", "total_spent", "last_order_at").get())) {
            CustomerPage page;
            int number = 0;
            do {
                page = MaskedCustomers.page(list.find(filter, order, number++, PAGE, false));
                for (CustomerListItem c : page.items()) {
                    csv.printRecord(c.id(), CsvCell.safe(c.externalId()), CsvCell.safe(c.name()), c.type(),
                            CsvCell.safe(c.phone()), CsvCell.safe(c.email()), CsvCell.safe(c.ownerName()),
                            CsvCell.safe(c.teamName()), CsvCell.safe(c.industry()), CsvCell.safe(c.region()),
                            CsvCell.safe(c.source()), c.createdAt(), c.orderCount(), c.totalSpent(), c.lastOrderAt());
                }
            } while (page.hasNext());
        }
    }
}
