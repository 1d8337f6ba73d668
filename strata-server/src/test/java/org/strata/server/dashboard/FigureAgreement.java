package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.testsupport.SwitchableScope;

/**
 * Every dashboard figure computed both ways, from the pre-aggregated rows and directly from the base tables, compared
 * for everyone and for owner and team scopes, over several periods and every run to compare with.
 */
record FigureAgreement(JdbcTemplate jdbc, SwitchableScope scope, DashboardQueries direct,
                       AggregatedFigures aggregated, DashboardFigures figures, CustomerBrowser browser,
                       FigureCompaction compaction) {

    private static final List<Period> PERIODS = List.of(
            new Period(LocalDate.parse("2025-07-01"), LocalDate.parse("2026-06-30"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-10"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), ZoneId.of("Asia/Shanghai")),
            new Period(LocalDate.parse("2023-01-01"), LocalDate.parse("2027-12-31"), ZoneId.of("Asia/Shanghai")));

    /** Every figure row, aggregates folded (a rebuild in chunks appends a row per key and chunk). */
    Map<String, List<String>> figureRows() {
        compaction.compactAll();
        Map<String, List<String>> rows = new HashMap<>();
        for (String table : FigureBuild.FIGURE_TABLES) {
            rows.put(table, jdbc.queryForList("SELECT * FROM " + table).stream().map(Object::toString).sorted()
                    .toList());
        }
        return rows;
    }

    void assertAgreement(String when) {
        assertThat(figures.built()).as("figures built " + when).isTrue();
        SoftAssertions softly = new SoftAssertions();
        for (Runnable narrowing : scope.narrowings(jdbc)) {
            narrowing.run();
            String as = when + ", scope owner=" + scope.owner + " teams=" + scope.teams + " nothing="
                    + scope.nothing;
            softly.assertThat(aggregated.pareto()).as("pareto " + as).isEqualTo(direct.pareto());
            for (Period period : PERIODS) {
                softly.assertThat(totals(aggregated, period)).as("totals " + period + " " + as)
                        .isEqualTo(totals(direct, period));
            }
            assertListTotalsCountTheListedCustomers(softly, as);
            for (long schemeId : jdbc.queryForList("SELECT id FROM tiering_schemes", Long.class)) {
                String of = " of scheme " + schemeId + " " + as;
                for (Period period : PERIODS) {
                    softly.assertThat(tiers(aggregated, schemeId, period)).as("tiers " + period + of)
                            .isEqualTo(tiers(direct, schemeId, period));
                    softly.assertThat(new HashSet<>(aggregated.retention(schemeId, period)))
                            .as("retention " + period + of)
                            .isEqualTo(new HashSet<>(direct.retention(schemeId, period)));
                }
                softly.assertThat(aggregated.history(schemeId)).as("history" + of)
                        .isEqualTo(direct.history(schemeId));
                List<Long> since = new ArrayList<>();
                since.add(null);
                direct.runs(schemeId, 50).forEach(run -> since.add(run.id()));
                for (Long run : since) {
                    softly.assertThat(new HashSet<>(aggregated.migration(schemeId, run)))
                            .as("migration since run " + run + of)
                            .isEqualTo(new HashSet<>(direct.migration(schemeId, run)));
                }
            }
        }
        scope.everyone();
        softly.assertAll();
    }

    /** The console list counts a tier's or a stage's customers from the pre-aggregated tier sizes. */
    void assertListTotalsCountTheListedCustomers(SoftAssertions softly, String as) {
        List<Map<String, Object>> tiers = jdbc.queryForList("SELECT DISTINCT s.scheme_key, m.tier_key"
                + " FROM tiering_memberships m JOIN tiering_schemes s ON s.id = m.scheme_id");
        for (Map<String, Object> tier : tiers) {
            String scheme = (String) tier.get("scheme_key");
            String key = (String) tier.get("tier_key");
            CustomerBrowseFilter filter = scheme.equals(CustomerBrowser.LIFECYCLE_SCHEME)
                    ? new CustomerBrowseFilter(null, null, null, null, key, null, null, null, null)
                    : new CustomerBrowseFilter(null, scheme, key, null, null, null, null, null, null);
            softly.assertThat(browser.total(filter).customers()).as("list total of " + scheme + " " + key + as)
                    .isEqualTo(browser.find(filter, 0, 10_000).rows().size());
        }
    }

    private static String totals(FigureSource source, Period period) {
        DashboardQueries.Totals totals = source.totals(period);
        return totals.customers() + " customers, " + totals.activeCustomers() + " active, "
                + cents(totals.revenue());
    }

    private static Map<String, String> tiers(FigureSource source, long schemeId, Period period) {
        Map<String, String> byTier = new HashMap<>();
        source.tiers(schemeId, period).forEach(t -> byTier.put(t.tier(), t.customers() + " / "
                + cents(t.revenue())));
        return byTier;
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
