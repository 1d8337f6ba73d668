package org.strata.server.playbook.experiment;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.strata.server.playbook.PlaybookBadRequestException;

/** Builds experiment reports: a playbook's treated vs held-out entrants, or the members of two tiers. */
@Service
public class ExperimentService {

    private final Outcomes outcomes;
    private final JdbcClient jdbc;

    ExperimentService(Outcomes outcomes, JdbcClient jdbc) {
        this.outcomes = outcomes;
        this.jdbc = jdbc;
    }

    /** A playbook that holds out part of its entrants, so it can be reported on. */
    public record HoldoutPlaybook(long id, String nameZh, String nameEn, int holdoutPercent) {
    }

    /** Playbooks with a holdout, newest first. */
    public List<HoldoutPlaybook> playbooksWithHoldout() {
        return jdbc.sql("SELECT id, name_zh, name_en, holdout_percent FROM playbooks WHERE holdout_percent > 0 "
                + "ORDER BY id DESC").query((rs, row) -> new HoldoutPlaybook(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4))).list();
    }

    public ExperimentReport playbook(long playbookId, int days, double confidence, Instant now) {
        check(days, confidence);
        return report("Playbook " + playbookId + ": treated vs held out", "剧本 " + playbookId + "：干预组 vs 对照组",
                "treated", "干预组", "held out", "对照组", outcomes.ofPlaybook(playbookId, days, now), days,
                confidence, now);
    }

    public ExperimentReport tiers(String schemeA, String tierA, String schemeB, String tierB, int days, double confidence,
                           Instant now) {
        check(days, confidence);
        List<Outcomes.Unit> units = new java.util.ArrayList<>(outcomes.ofTier(schemeA, tierA, false, days, now));
        units.addAll(outcomes.ofTier(schemeB, tierB, true, days, now));
        String a = schemeA + ":" + tierA;
        String b = schemeB + ":" + tierB;
        return report(a + " vs " + b, a + " 对比 " + b, a, a, b, b, units, days, confidence, now);
    }

    private static void check(int days, double confidence) {
        if (days <= 0 || days > 3650) {
            throw new PlaybookBadRequestException("days", days + " is not a window of 1 to 3650 days");
        }
        if (confidence <= 0.5 || confidence >= 1) {
            throw new PlaybookBadRequestException("confidence", confidence + " is not between 0.5 and 1 (e.g. 0.95)");
        }
    }

    static ExperimentReport report(String title, String titleZh, String treatedLabel, String treatedZh,
                                   String controlLabel, String controlZh, List<Outcomes.Unit> units, int days,
                                   double confidence, Instant now) {
        List<Outcomes.Unit> treated = units.stream().filter(u -> !u.control()).toList();
        List<Outcomes.Unit> control = units.stream().filter(Outcomes.Unit::control).toList();
        ExperimentReport.Group t = group(treatedLabel, treatedZh, treated, confidence);
        ExperimentReport.Group c = group(controlLabel, controlZh, control, confidence);
        Stats.Comparison conversion = Stats.proportions(t.converted(), t.entrants(), c.converted(), c.entrants(),
                confidence);
        Stats.Comparison revenue = Stats.means(Stats.Sample.of(revenues(treated)), Stats.Sample.of(revenues(control)),
                confidence);
        Stats.Comparison retention = Stats.proportions(t.retained(), t.retentionEntrants(), c.retained(),
                c.retentionEntrants(), confidence);
        return new ExperimentReport(title, titleZh, days, confidence, now, t, c,
                ExperimentReport.Metric.of("conversion", "转化率", conversion, confidence),
                ExperimentReport.Metric.of("revenue per customer", "人均收入", revenue, confidence),
                ExperimentReport.Metric.of("retention", "留存率", retention, confidence));
    }

    private static ExperimentReport.Group group(String label, String labelZh, List<Outcomes.Unit> units,
                                                double confidence) {
        long n = units.size();
        long converted = units.stream().filter(Outcomes.Unit::converted).count();
        Stats.Sample revenue = Stats.Sample.of(revenues(units));
        double half = n < 2 ? Double.NaN : Stats.z(confidence) * Math.sqrt(revenue.variance() / n);
        long retentionN = units.stream().filter(u -> u.retained() != null).count();
        long retained = units.stream().filter(u -> Boolean.TRUE.equals(u.retained())).count();
        return new ExperimentReport.Group(label, labelZh, n, converted, n == 0 ? 0 : (double) converted / n,
                Stats.wilson(converted, n, confidence), revenue.mean(),
                new Stats.Interval(revenue.mean() - half, revenue.mean() + half), retentionN, retained,
                retentionN == 0 ? 0 : (double) retained / retentionN, Stats.wilson(retained, retentionN, confidence));
    }

    private static double[] revenues(List<Outcomes.Unit> units) {
        return units.stream().mapToDouble(Outcomes.Unit::revenue).toArray();
    }
}
