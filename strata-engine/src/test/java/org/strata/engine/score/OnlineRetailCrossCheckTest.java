package org.strata.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.csv.OrdersCsvReader;
import org.strata.engine.csv.OrdersFile;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.model.RfmScoring;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

/**
 * Recency, frequency and monetary of the real UCI Online Retail data, computed here with straightforward code over
 * the raw invoice lines, must equal what the score path (CSV reader, feature computer, scoring) makes of the same
 * lines. How a user expects the data to be read: rows without CustomerID are ignored; an invoice is one order whose
 * value is the sum of quantity x unit price of its lines; cancellation invoices ("C...") and invoices of negative
 * value are returns that lower monetary and are not purchases.
 */
class OnlineRetailCrossCheckTest {

    static final Path DAYS = Path.of("/work/shared/data/online-retail/by-day");
    static final int DAY_FILES = 40;

    @TempDir
    Path dir;

    record Expected(int lastDay, int frequency, double monetary, int returns) {
    }

    @Test
    void scorePathAgreesWithAnIndependentComputation() throws IOException {
        assumeThat(Files.isDirectory(DAYS)).as("UCI Online Retail data in " + DAYS).isTrue();
        List<Path> files;
        try (Stream<Path> list = Files.list(DAYS)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().limit(DAY_FILES).toList();
        }
        Path orders = dir.resolve("online-retail.csv");
        List<String> all = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            all.addAll(all.isEmpty() ? lines : lines.subList(1, lines.size()));
        }
        Files.write(orders, all, StandardCharsets.UTF_8);
        LocalDate lastFileDay = LocalDate.parse(files.get(files.size() - 1).getFileName().toString()
                .replace(".csv", ""));
        LocalDate asOf = lastFileDay.plusDays(1);

        Map<String, Expected> expected = independently(all.subList(1, all.size()));

        ZoneId zone = ZoneId.of("Europe/London");
        OrdersFile file = new OrdersCsvReader(zone).read(orders, new CustomerIndex());
        BatchScore.Result result = BatchScore.run(CustomerColumns.idsOnly(file.customers()), file.orders(), null,
                asOf, zone, RfmScoring.quantiles(5), Presets.RFM11.scheme());
        FeatureTable table = result.table();

        assertThat(table.customerIds()).hasSameSizeAs(expected.keySet()).containsOnly(
                expected.keySet().toArray(String[]::new));
        NumberColumn recency = (NumberColumn) table.column("recency_days");
        NumberColumn frequency = (NumberColumn) table.column("frequency");
        NumberColumn monetary = (NumberColumn) table.column("monetary");
        NumberColumn refunds = (NumberColumn) table.column("refund_count");
        int checked = 0;
        int withReturns = 0;
        for (int row = 0; row < table.size(); row++) {
            Expected e = expected.get(table.customerIds()[row]);
            String who = "customer " + table.customerIds()[row];
            assertThat(frequency.values()[row]).as(who).isEqualTo(e.frequency());
            assertThat(monetary.values()[row]).as(who).isCloseTo(e.monetary(), Offset.offset(1e-6));
            assertThat(refunds.values()[row]).as(who).isEqualTo(e.returns());
            withReturns += e.returns() > 0 ? 1 : 0;
            if (e.frequency() == 0) {
                assertThat(recency.isNull(row)).as(who + " bought nothing, only returned").isTrue();
            } else {
                assertThat(recency.values()[row]).as(who)
                        .isEqualTo(ChronoUnit.DAYS.between(LocalDate.ofEpochDay(e.lastDay()), asOf));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(result.columns()).startsWith("recency_days", "frequency", "monetary", "r_score", "f_score",
                "m_score", "rfm_segment", "tier");
        assertThat(withReturns).as("customers with returns, so the case is exercised").isGreaterThan(100);
    }

    /** Straightforward: group lines by invoice, then invoices by customer. */
    static Map<String, Expected> independently(List<String> lines) {
        Map<String, Double> invoiceValue = new HashMap<>();
        Map<String, String> invoiceCustomer = new HashMap<>();
        Map<String, LocalDate> invoiceDay = new HashMap<>();
        for (String line : lines) {
            List<String> f = split(line);
            String customer = f.get(6).strip();
            if (customer.isEmpty()) {
                continue;
            }
            if (customer.endsWith(".0")) {
                customer = customer.substring(0, customer.length() - 2);
            }
            String invoice = f.get(0);
            double value = Double.parseDouble(f.get(3)) * Double.parseDouble(f.get(5));
            invoiceValue.merge(invoice, value, Double::sum);
            invoiceCustomer.put(invoice, customer);
            invoiceDay.putIfAbsent(invoice, LocalDate.parse(f.get(4).substring(0, 10)));
        }
        Map<String, int[]> lastAndCount = new HashMap<>();
        Map<String, Double> monetary = new HashMap<>();
        Set<String> customers = new HashSet<>(invoiceCustomer.values());
        for (String customer : customers) {
            lastAndCount.put(customer, new int[] {Integer.MIN_VALUE, 0, 0});
            monetary.put(customer, 0.0);
        }
        for (var entry : invoiceValue.entrySet()) {
            String invoice = entry.getKey();
            String customer = invoiceCustomer.get(invoice);
            double value = entry.getValue();
            monetary.merge(customer, value, Double::sum);
            boolean isReturn = invoice.startsWith("C") || value < 0;
            int[] state = lastAndCount.get(customer);
            if (isReturn) {
                state[2]++;
            } else {
                state[0] = Math.max(state[0], (int) invoiceDay.get(invoice).toEpochDay());
                state[1]++;
            }
        }
        Map<String, Expected> expected = new HashMap<>();
        for (String customer : customers) {
            int[] state = lastAndCount.get(customer);
            expected.put(customer, new Expected(state[0], state[1], monetary.get(customer), state[2]));
        }
        return expected;
    }

    /** A CSV line split at commas outside double quotes (the data has quoted descriptions, no line breaks in them). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
