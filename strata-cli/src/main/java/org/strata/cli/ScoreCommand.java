package org.strata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.strata.engine.csv.CsvException;
import org.strata.engine.csv.CustomersCsvReader;
import org.strata.engine.csv.OrdersCsvReader;
import org.strata.engine.csv.OrdersFile;
import org.strata.engine.csv.TableCsvWriter;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.i18n.LocalizedArgumentException;
import org.strata.engine.model.RfmScoring;
import org.strata.engine.score.BatchScore;
import org.strata.engine.score.ScoreError;
import org.strata.engine.scheme.SchemeFiles;
import org.strata.engine.table.TextColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata score}: batch scoring of CSV files with the engine alone (no server, no Spring, no database), one row
 * per customer into a CSV.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores customers from an orders CSV without a server and writes one row per customer:",
                "customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment, tier,",
                "then every other feature.",
                "Orders columns are found by header name (order_id, customer_id, ordered_at, amount; also e.g.",
                "CustomerID, InvoiceDate, Quantity x UnitPrice, 客户编号, 下单时间, 实付金额; optional status, refund,",
                "cost). Amounts like ¥1,234.50 are accepted; negative amounts are returns."},
        sortOptions = false)
public final class ScoreCommand implements Callable<Integer> {

    private static final String NO_TIER = "(none)";

    @Spec
    CommandSpec spec;

    @Mixin
    LanguageOption language = new LanguageOption();

    @Option(names = "--orders", required = true, paramLabel = "FILE", description = "Orders CSV (UTF-8).")
    Path orders;

    @Option(names = "--customers", paramLabel = "FILE",
            description = "Customers CSV: customer_id, region, industry, owner, type, created_at, tags and custom "
                    + "fields. Customers without orders are scored as having no purchase.")
    Path customers;

    @Option(names = "--scheme", paramLabel = "PRESET", defaultValue = "rfm11",
            description = "Where the tier comes from: rfm11 (default; tier = rfm_segment), rfm8, abc, pyramid, "
                    + "lifecycle; a scheme preset (retail, b2b_manufacturing ...); or a scheme file (.yaml) whose "
                    + "tiers have rules.")
    String scheme;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Score as of the start of this day (yyyy-MM-dd); orders on or after it are ignored. "
                    + "Default: the day after the last order date in the file.")
    LocalDate asOf;

    @Option(names = "--bins", paramLabel = "K", defaultValue = "5",
            description = "Quantile classes for R, F and M scores: 3, 4 or 5 (default 5; the rfm11 map needs 5).")
    int bins;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
            description = "Business time zone for order days (default Asia/Shanghai).")
    ZoneId zone;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try {
            RfmScoring rfm = RfmScoring.quantiles(bins);
            requireFile(orders, "--orders");
            CustomerColumns known = null;
            if (customers != null) {
                requireFile(customers, "--customers");
                known = new CustomersCsvReader(zone).read(customers);
            }
            CustomerIndex index = known != null ? known.index() : new CustomerIndex(1 << 16);
            OrdersFile file = new OrdersCsvReader(zone).read(orders, index);
            if (file.orders().size() == 0 && index.size() == 0) {
                err.println("strata score: " + language.say(CliText.NO_ORDERS, orders.toString()));
                return 1;
            }
            LocalDate day = asOf != null ? asOf : LocalDate.ofEpochDay(file.orders().lastEpochDay() + 1L);
            CustomerColumns described = known != null ? known : CustomerColumns.idsOnly(index);
            BatchScore.Result result = BatchScore.run(described, file.orders(), null, day, zone, rfm,
                    SchemeFiles.tierScheme(scheme, day));
            TableCsvWriter.write(result.table(), result.columns(), out);
            report(err, file, result, day, started);
            return 0;
        } catch (CsvException | IllegalArgumentException e) {
            err.println("strata score: " + language.text(e));
            return 2;
        }
    }

    private static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new LocalizedArgumentException(ScoreError.NO_SUCH_FILE.with(option, file.toString()));
        }
    }

    private void report(PrintWriter err, OrdersFile file, BatchScore.Result result, LocalDate day, long started) {
        if (file.skippedWithoutCustomer() > 0) {
            err.println(language.say(CliText.SKIPPED_WITHOUT_CUSTOMER, file.skippedWithoutCustomer()));
        }
        // tier keys are the segments' own String instances, so an identity map counts a million rows cheaply
        Map<String, int[]> byInstance = new IdentityHashMap<>();
        for (String tier : ((TextColumn) result.table().column("tier")).values()) {
            byInstance.computeIfAbsent(tier == null ? NO_TIER : tier, t -> new int[1])[0]++;
        }
        Map<String, Integer> counts = new TreeMap<>();
        byInstance.forEach((tier, count) -> counts.merge(tier, count[0], Integer::sum));
        err.println(language.say(CliText.SCORED, result.table().size(), file.orders().size(), day.toString(),
                (System.nanoTime() - started) / 1_000_000, out.toString()));
        err.println(language.say(CliText.TIERS, counts.toString()));
    }
}
