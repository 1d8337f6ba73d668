package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.strata.server.dashboard.CustomerBrowseFilter;
import org.strata.server.dashboard.CustomerBrowser;
import org.strata.server.dashboard.PublishedSchemes;

/**
 * The customer list as it is filtered and sorted, every page of it, as CSV (UTF-8 with BOM, which Excel opens with
 * Chinese intact) or Excel. Both stream: an Excel sheet keeps only a window of rows in memory (SXSSF).
 */
@Controller
class CustomerExport {

    private static final int EXCEL_ROWS_MAX = 1_048_575; // the sheet's limit, below the header
    private static final List<String> COLUMNS = List.of("id", "externalId", "name", "tier", "owner", "region",
            "industry", "orderCount", "totalSpent", "lastOrderAt");

    private final CustomerBrowser customers;
    private final PublishedSchemes schemes;
    private final MessageSource messages;
    private final DateTimeFormatter time;

    CustomerExport(CustomerBrowser customers, PublishedSchemes schemes, MessageSource messages,
                   @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.customers = customers;
        this.schemes = schemes;
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(zone));
    }

    @Access(value = Permission.EXPORT, customerScoped = true, audit = "export.customers")
    @GetMapping("/customers/export.csv")
    void csv(@ModelAttribute CustomerBrowseFilter filter, Locale locale, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", attachment("customers.csv"));
        Map<String, String> tierNames = tierNames(filter, locale);
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            csv.printRecord(headers(locale));
            customers.export(effective(filter), row -> {
                try {
                    csv.printRecord(values(row, tierNames).stream().map(CustomerExport::notAFormula).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Access(value = Permission.EXPORT, customerScoped = true, audit = "export.customers")
    @GetMapping("/customers/export.xlsx")
    void excel(@ModelAttribute CustomerBrowseFilter filter, Locale locale, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", attachment("customers.xlsx"));
        Map<String, String> tierNames = tierNames(filter, locale);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(messages.getMessage("customers.title", null, locale));
            Row header = sheet.createRow(0);
            List<String> headers = headers(locale);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int[] next = {1};
            customers.export(effective(filter), row -> {
                if (next[0] > EXCEL_ROWS_MAX) {
                    return;
                }
                Row line = sheet.createRow(next[0]++);
                List<Object> values = values(row, tierNames);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof Number number) {
                        line.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        line.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            book.write(response.getOutputStream());
        }
    }

    private CustomerBrowseFilter effective(CustomerBrowseFilter filter) {
        return schemes.find(filter.scheme()).map(s -> CustomerListPage.withScheme(filter, s.key())).orElse(filter);
    }

    private Map<String, String> tierNames(CustomerBrowseFilter filter, Locale locale) {
        return schemes.find(filter.scheme()).map(s -> CustomerListPage.names(s, locale)).orElse(Map.of());
    }

    private List<String> headers(Locale locale) {
        return COLUMNS.stream().map(c -> messages.getMessage("customers.col." + c, null, locale)).toList();
    }

    private List<Object> values(CustomerBrowser.Row row, Map<String, String> tierNames) {
        return java.util.Arrays.asList(row.id(), row.externalId(), row.name(),
                row.tier() == null ? null : tierNames.getOrDefault(row.tier(), row.tier()), row.ownerName(),
                row.region(), row.industry(), row.orderCount(), row.totalSpent(),
                row.lastOrderAt() == null ? null : time.format(row.lastOrderAt()));
    }

    /** A text cell starting with = + - @ would run as a formula when the CSV is opened in Excel. */
    static Object notAFormula(Object value) {
        return value instanceof String text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0
                ? "'" + text : value;
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
