package org.strata.server.quality;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The data-quality report read from the figures {@link QualityFigures} maintains (V51): counts are sums of a few rows
 * by source, owner and team, the checks of dates count the dated findings after the time of the report, and the
 * samples are the smallest ids of the findings, read through their index. The rows carry owner_id and team_id, so
 * the caller's scope condition applies to them as it would to the customers (see
 * {@link CustomerScope#readsOwnerAndTeamOnly()}).
 */
@Component
class MaintainedQualityReport {

    private final JdbcClient jdbc;
    private final CustomerScope scope;

    MaintainedQualityReport(JdbcClient jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    QualityTally tally(String source, OffsetDateTime now) {
        QualityTally tallies = new QualityTally();
        ScopeCondition visible = scope.condition("f");
        Map<String, Object> params = new HashMap<>(visible.params());
        String onlySource = "";
        if (source != null) {
            onlySource = " AND f.source = :source";
            params.put("source", source);
        }
        String where = " WHERE " + visible.sql() + onlySource;
        String sums = String.join(", ", QualityStatements.COUNTERS.stream().map(c -> "SUM(f." + c + ")").toList());
        // a source is listed when any record of it is visible, as in the direct report
        jdbc.sql("SELECT f.source, " + sums + " FROM quality_figures f" + where + " GROUP BY f.source"
                        + " HAVING SUM(f.customers) <> 0 OR SUM(f.orders) <> 0 OR SUM(f.events) <> 0"
                        + " OR SUM(f.merges_active) <> 0 OR SUM(f.merges_undone) <> 0")
                .params(params).query(rs -> {
                    QualityTally.SourceTally tally = tallies.of(rs.getString(1));
                    tally.customers = rs.getLong(2);
                    tally.orders = rs.getLong(3);
                    tally.events = rs.getLong(4);
                    for (QualityCheck check : QualityCheck.values()) {
                        String counter = QualityStatements.counter(check);
                        if (counter != null) {
                            tally.count(check, rs.getLong(2 + QualityStatements.COUNTERS.indexOf(counter)));
                        }
                    }
                });
        params.put("now", now);
        jdbc.sql("SELECT f.check_code, f.source, COUNT(*) FROM quality_findings f" + where
                        + " AND f.dated_at > :now AND f.check_code IN (:dated) GROUP BY f.check_code, f.source")
                .params(params).param("dated", datedChecks())
                .query(rs -> {
                    tallies.of(rs.getString(2)).count(check(rs.getString(1)), rs.getLong(3));
                });
        for (String name : tallies.sources()) {
            QualityTally.SourceTally tally = tallies.of(name);
            for (QualityCheck check : QualityCheck.values()) {
                if (tally.count(check) > 0) {
                    samples(check, name, where, params).forEach(id -> tally.sample(check, id));
                }
            }
        }
        return tallies;
    }

    /** The smallest ids with the defect in the source, walking the findings' index (check, source, id). */
    private List<Long> samples(QualityCheck check, String source, String where, Map<String, Object> params) {
        String dated = QualityStatements.counter(check) == null ? " AND f.dated_at > :now" : "";
        return jdbc.sql("SELECT DISTINCT f.record_id FROM quality_findings f" + where + " AND f.check_code = :check"
                        + " AND f.source = :sampled" + dated + " ORDER BY f.record_id"
                        + " FETCH FIRST " + QualityTally.SAMPLES + " ROWS ONLY")
                .params(params).param("check", check.code()).param("sampled", source)
                .query(Long.class).list();
    }

    private static List<String> datedChecks() {
        List<String> codes = new ArrayList<>();
        for (QualityCheck check : QualityCheck.values()) {
            if (QualityStatements.counter(check) == null) {
                codes.add(check.code());
            }
        }
        return codes;
    }

    private static QualityCheck check(String code) {
        return QualityCheck.valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
