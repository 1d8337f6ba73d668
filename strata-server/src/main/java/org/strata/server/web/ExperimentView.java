package org.strata.server.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.strata.server.playbook.experiment.ExperimentReport;
import org.strata.server.playbook.experiment.Stats;

/**
 * An experiment report as the page shows it: one row per outcome with both groups' values and intervals, the
 * difference with its interval and p-value, and a sentence that says in plain words whether the difference is
 * significant; plus the figures the charts draw (finite numbers only: JSON has no NaN or infinity).
 */
final class ExperimentView {

    /** One outcome: values are formatted for the reader; {@code verdict} is the plain-words sentence. */
    record Row(String key, String name, String treated, String treatedInterval, long treatedN, String control,
               String controlInterval, long controlN, String difference, String differenceInterval, String pValue,
               boolean significant, String verdict) {
    }

    private final ExperimentReport report;
    private final MessageSource messages;
    private final Locale locale;
    private final NumberFormat decimal;

    ExperimentView(ExperimentReport report, MessageSource messages, Locale locale) {
        this.report = report;
        this.messages = messages;
        this.locale = locale;
        this.decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
    }

    List<Row> rows() {
        ExperimentReport.Group t = report.treated();
        ExperimentReport.Group c = report.control();
        return List.of(
                row("conversion", true, t.conversionRate(), t.conversionInterval(), t.entrants(), c.conversionRate(),
                        c.conversionInterval(), c.entrants(), report.conversion()),
                row("revenue", false, t.revenuePerCustomer(), t.revenueInterval(), t.entrants(),
                        c.revenuePerCustomer(), c.revenueInterval(), c.entrants(), report.revenue()),
                row("retention", true, t.retentionRate(), t.retentionInterval(), t.retentionEntrants(),
                        c.retentionRate(), c.retentionInterval(), c.retentionEntrants(), report.retention()));
    }

    /** What the charts draw and the CSV holds: per outcome both groups' value and interval, rates in percent. */
    Map<String, Object> chart(String fileName) {
        ExperimentReport.Group t = report.treated();
        ExperimentReport.Group c = report.control();
        List<Map<String, Object>> metrics = new ArrayList<>();
        metrics.add(metric("conversion", "percent", 100, t.conversionRate(), t.conversionInterval(), t.entrants(),
                c.conversionRate(), c.conversionInterval(), c.entrants(), report.conversion()));
        metrics.add(metric("revenue", "money", 1, t.revenuePerCustomer(), t.revenueInterval(), t.entrants(),
                c.revenuePerCustomer(), c.revenueInterval(), c.entrants(), report.revenue()));
        metrics.add(metric("retention", "percent", 100, t.retentionRate(), t.retentionInterval(),
                t.retentionEntrants(), c.retentionRate(), c.retentionInterval(), c.retentionEntrants(),
                report.retention()));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("fileName", fileName);
        chart.put("groups", List.of(english() ? t.label() : t.labelZh(), english() ? c.label() : c.labelZh()));
        chart.put("metrics", metrics);
        return chart;
    }

    private Map<String, Object> metric(String key, String unit, double scale, double treated,
                                       Stats.Interval treatedInterval, long treatedN, double control,
                                       Stats.Interval controlInterval, long controlN, ExperimentReport.Metric m) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("key", key);
        metric.put("name", message("experiment.metric." + key, report.days()));
        metric.put("unit", unit);
        metric.put("values", finite(treated * scale, control * scale));
        metric.put("low", finite(treatedInterval.low() * scale, controlInterval.low() * scale));
        metric.put("high", finite(treatedInterval.high() * scale, controlInterval.high() * scale));
        metric.put("n", List.of(treatedN, controlN));
        metric.put("difference", finite(m.difference() * scale, m.interval().low() * scale,
                m.interval().high() * scale));
        metric.put("pValue", finite(m.pValue()).get(0));
        metric.put("significant", m.significant());
        return metric;
    }

    private Row row(String key, boolean rate, double treated, Stats.Interval treatedInterval, long treatedN,
                    double control, Stats.Interval controlInterval, long controlN, ExperimentReport.Metric m) {
        String name = message("experiment.metric." + key, report.days());
        String difference = rate ? points(m.difference()) : signedMoney(m.difference());
        String differenceInterval = interval(m.interval(), rate, true);
        String p = Double.isNaN(m.pValue()) ? "—" : m.pValue() < 0.001 ? "< 0.001"
                : String.format(Locale.ROOT, "%.3f", m.pValue());
        // "p < 0.001" or "p = 0.042" in the sentence
        String pSentence = p.startsWith("<") ? p : "= " + p;
        String level = NumberFormat.getNumberInstance(locale).format(report.confidence() * 100) + "%";
        String verdict;
        if (Double.isNaN(m.pValue()) || treatedN < 2 || controlN < 2) {
            verdict = message("experiment.verdict.tooFew", name);
        } else if (m.significant()) {
            verdict = message(m.difference() > 0 ? "experiment.verdict.higher" : "experiment.verdict.lower", name,
                    rate ? message("experiment.points", decimal(Math.abs(m.difference()) * 100))
                            : money(Math.abs(m.difference())), level, differenceInterval, pSentence);
        } else {
            verdict = message("experiment.verdict.same", name, difference, level, differenceInterval, pSentence);
        }
        return new Row(key, name, rate ? percent(treated) : money(treated), interval(treatedInterval, rate, false),
                treatedN, rate ? percent(control) : money(control), interval(controlInterval, rate, false), controlN,
                difference, differenceInterval, p, m.significant(), verdict);
    }

    private String interval(Stats.Interval interval, boolean rate, boolean signed) {
        if (!Double.isFinite(interval.low()) || !Double.isFinite(interval.high())) {
            return "—";
        }
        if (rate) {
            return signed ? points(interval.low()) + " … " + points(interval.high())
                    : percent(interval.low()) + " … " + percent(interval.high());
        }
        return signed ? signedMoney(interval.low()) + " … " + signedMoney(interval.high())
                : money(interval.low()) + " … " + money(interval.high());
    }

    private String percent(double share) {
        return decimal(share * 100) + "%";
    }

    /** A difference of two rates in percentage points, with its sign. */
    private String points(double difference) {
        if (Double.isNaN(difference)) {
            return "—";
        }
        return message("experiment.points", (difference > 0 ? "+" : "") + decimal(difference * 100));
    }

    private String money(double amount) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return (amount < 0 ? "-¥" : "¥") + format.format(Math.abs(amount));
    }

    private String signedMoney(double amount) {
        return Double.isNaN(amount) ? "—" : (amount > 0 ? "+" : "") + money(amount);
    }

    private String decimal(double value) {
        return decimal.format(value);
    }

    private boolean english() {
        return locale.getLanguage().equals("en");
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static List<Double> finite(double... values) {
        return Arrays.stream(values).mapToObj(v -> Double.isFinite(v) ? v : null).toList();
    }
}
