package org.strata.server.quality;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.testsupport.SwitchableScope;

/**
 * The check the quality-figure tests make: the report read from the maintained figures equals the one computed from
 * the base tables, under every scope {@link SwitchableScope#narrowings} gives, for all sources and for one; and the
 * helpers they share.
 */
record QualityAgreement(SwitchableScope scope, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        DirectQualityReport direct, MaintainedQualityReport maintained) {

    /** Asserts the agreement; returns the maintained report for everyone and all sources. */
    QualityReport check(String when, String oneSource) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        SoftAssertions softly = new SoftAssertions();
        QualityReport unscoped = null;
        for (Runnable narrowing : scope.narrowings(jdbc)) {
            narrowing.run();
            for (String source : new String[] {null, oneSource}) {
                QualityReport expected = transaction.execute(s -> direct.tally(source, now).toReport(now, source));
                QualityReport actual = transaction.execute(s -> maintained.tally(source, now).toReport(now, source));
                softly.assertThat(actual).as(when + ", scope " + scope + ", source " + source).isEqualTo(expected);
                if (unscoped == null) {
                    unscoped = actual;
                }
            }
        }
        scope.everyone();
        softly.assertAll();
        return unscoped;
    }

    /** How many records the report counts for the check, all sources together. */
    static long count(QualityReport report, QualityCheck check) {
        return report.totals().findings().stream().filter(f -> f.check().equals(check.code())).findFirst()
                .orElseThrow().count();
    }

    /**
     * The rows of the maintained tables, sorted, as text: what two ways of computing them must write alike (the
     * figures by key, added up, keys that add up to nothing left out).
     */
    static Map<String, List<String>> tables(JdbcTemplate jdbc) {
        String counters = String.join(", ", QualityStatements.COUNTERS);
        String sums = String.join(", ", QualityStatements.COUNTERS.stream().map(c -> "SUM(" + c + ")").toList());
        String nonZero = String.join(" OR ", QualityStatements.COUNTERS.stream().map(c -> "SUM(" + c + ") <> 0")
                .toList());
        return Map.of(
                "quality_contributions", rows(jdbc, "SELECT customer_id, source, owner_id, team_id, " + counters
                        + " FROM quality_contributions"),
                "quality_findings", rows(jdbc, "SELECT check_code, record_id, customer_id, source, owner_id,"
                        + " team_id, dated_at FROM quality_findings"),
                "quality_figures", rows(jdbc, "SELECT source, owner_id, team_id, " + sums + " FROM quality_figures"
                        + " GROUP BY source, owner_id, team_id HAVING " + nonZero));
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.append(value instanceof OffsetDateTime time ? time.toInstant() : value).append('|');
            }
            return row.toString();
        }).stream().sorted().toList();
    }

    /** Writes an order of source 'legacy' past the imports, as a bulk load writes it: nothing is refreshed. */
    static void order(JdbcTemplate jdbc, Long customer, String orderNo, OffsetDateTime at, String amount) {
        jdbc.update("INSERT INTO orders (source, order_no, customer_id, ordered_at, amount) VALUES"
                + " ('legacy', ?, ?, ?, ?)", orderNo, customer, at, new BigDecimal(amount));
    }
}
