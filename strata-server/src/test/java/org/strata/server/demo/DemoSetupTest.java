package org.strata.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.access.DemoAccounts;
import org.strata.server.testsupport.H2Database;
import org.strata.server.tiering.TieringSetup;

/**
 * The demo a first-time user starts: its dashboard has every figure (tier sizes and revenue, the Pareto curve, the
 * migration since the previous month, a year of tier sizes, retention) for the administrator, each narrowed to his
 * own customers for the sales rep zhang.wei. The demo is set up as a start interrupted in the middle of its runs
 * leaves it and a second start finishes it, so the same test pins that a restart resumes.
 */
@H2Database
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.application.name=strata-demo-setup")
class DemoSetupTest {

    static final Instant NOW = Instant.parse("2026-06-20T04:00:00Z");
    static final DemoSettings SETTINGS = new DemoSettings(5L, 500, NOW, ZoneId.of("Asia/Shanghai"));
    static final String PERIOD_FROM = "2025-07-01";
    static final String PERIOD_TO = "2026-06-30";

    private static Map<String, String> passwords;
    private static final List<String> RUN_BEFORE_INTERRUPTION = List.of("2025-07-01", "2025-08-01", "2025-09-01");
    private static DemoSetup.Summary resumed;
    private static DemoSetup.Summary again;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoSetup setup;
    @Autowired
    DemoDataGenerator generator;
    @Autowired
    DemoTiering demoTiering;
    @Autowired
    TieringSetup tiering;
    @Autowired
    DemoAccounts accounts;

    @BeforeEach
    void aDemoStartInterruptedAfterThreeRunsThenStartedTwiceMore() {
        if (passwords != null) {
            return;
        }
        // what a first start leaves when stopped after three runs of the RFM scheme
        demoTiering.draft();
        generator.generateIfEmpty(SETTINGS).orElseThrow();
        tiering.publish("rfm_8_classes", DemoTiering.AUTHOR, "demo");
        for (String day : RUN_BEFORE_INTERRUPTION) {
            tiering.run("rfm_8_classes", LocalDate.parse(day));
        }
        resumed = setup.prepare(SETTINGS);
        again = setup.prepare(SETTINGS);
        passwords = new HashMap<>();
        accounts.createWithNewPasswords().forEach(c -> passwords.put(c.username(), c.password()));
    }

    @Test
    void aRestartFinishesTheYearOfMonthlyRunsOfBothSchemesAndTheNextStartAddsNothing() {
        assertThat(resumed.company()).as("the company was there already").isEmpty();
        // RFM: 12 month starts and today, three of them made before the interruption; lifecycle: all 13
        assertThat(resumed.tieringRuns()).isEqualTo(13 - RUN_BEFORE_INTERRUPTION.size() + 13);
        assertThat(again.tieringRuns()).isZero();
        for (String scheme : DemoTiering.PRESETS) {
            List<LocalDate> asOf = jdbc.queryForList("SELECT r.as_of FROM tiering_runs r JOIN tiering_schemes s "
                    + "ON s.id = r.scheme_id WHERE s.scheme_key = ? AND r.status = 'succeeded' ORDER BY r.id",
                    LocalDate.class, scheme);
            assertThat(asOf).as(scheme).hasSize(13).isSorted().doesNotHaveDuplicates()
                    .startsWith(LocalDate.parse("2025-07-01")).endsWith(LocalDate.parse("2026-06-20"));
        }
    }

    @Test
    void pastRunsAreRecordedAtTheStartOfTheirDaySoTheLedgerTellsWhenCustomersMoved() {
        jdbc.query("SELECT r.as_of, r.started_at FROM tiering_runs r JOIN tiering_schemes s ON s.id = r.scheme_id "
                + "WHERE s.scheme_key = 'lifecycle' AND r.as_of < ? ORDER BY r.id", rs -> {
                    LocalDate asOf = rs.getObject(1, LocalDate.class);
                    assertThat(rs.getTimestamp(2).toInstant()).as("run as of %s", asOf)
                            .isEqualTo(asOf.atStartOfDay(SETTINGS.zone()).toInstant());
                }, LocalDate.now(SETTINGS.zone()));
        long distinctTimes = jdbc.queryForObject("SELECT COUNT(DISTINCT occurred_at) FROM tiering_ledger l "
                + "JOIN tiering_schemes s ON s.id = l.scheme_id WHERE s.scheme_key = 'lifecycle'", Long.class);
        assertThat(distinctTimes).as("moves spread over the runs' days").isGreaterThan(6);
    }

    @Test
    void theAdministratorSeesEveryFigureOfTheDashboard() throws Exception {
        long customers = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL", Long.class);
        MockHttpSession admin = signIn("admin");
        dashboardIsFull(admin, customers);
        for (String scheme : DemoTiering.PRESETS) {
            String migration = json(admin, "/api/v1/dashboard/migration?scheme=" + scheme);
            assertThat(this.<List<Object>>read(migration, "$.cells[?(@.from != @.to)]"))
                    .as("%s: somebody moved since the previous run", scheme).isNotEmpty();
        }
    }

    @Test
    void theSalesRepZhangWeiSeesTheSameFiguresOverHisOwnCustomersOnly() throws Exception {
        long owned = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL AND owner_id = "
                + "(SELECT id FROM users WHERE username = 'zhang.wei')", Long.class);
        long everyone = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL", Long.class);
        assertThat(owned).as("zhang.wei owns some demo customers, not all").isPositive().isLessThan(everyone);
        dashboardIsFull(signIn("zhang.wei"), owned);
    }

    /** Every chart of the dashboard has data, and its customers add up to {@code customers} (the caller's). */
    private void dashboardIsFull(MockHttpSession session, long customers) throws Exception {
        for (String scheme : DemoTiering.PRESETS) {
            String summary = json(session, "/api/v1/dashboard/summary?scheme=" + scheme + period());
            assertThat(sum(summary, "$.tiers[*].customers")).as("%s tier sizes", scheme).isEqualTo(customers);
            assertThat(this.<Number>read(summary, "$.kpis.revenue").doubleValue()).as("revenue").isPositive();
            assertThat(this.<List<Number>>read(summary, "$.tiers[?(@.customers > 0)].customers"))
                    .as("%s: customers in several tiers", scheme).hasSizeGreaterThan(2);

            String migration = json(session, "/api/v1/dashboard/migration?scheme=" + scheme);
            assertThat(this.<Object>read(migration, "$.sinceRun")).as("a previous run to compare with").isNotNull();
            assertThat(sum(migration, "$.cells[*].customers")).as("%s migration", scheme).isEqualTo(customers);

            String history = json(session, "/api/v1/dashboard/history?scheme=" + scheme + period());
            List<Map<String, Number>> sizes = read(history, "$[*].sizes");
            assertThat(sizes).as("%s: a point per run", scheme).hasSize(13);
            assertThat(sizes).allSatisfy(point -> assertThat(point.values().stream().mapToLong(Number::longValue)
                    .sum()).isEqualTo(customers));
            assertThat(sizes.get(0)).as("%s: tiers grew or shrank over the year", scheme)
                    .isNotEqualTo(sizes.get(sizes.size() - 1));

            String retention = json(session, "/api/v1/dashboard/retention?scheme=" + scheme + period());
            assertThat(sum(retention, "$[*].buyers")).as("%s buyers by tier", scheme).isPositive();
        }
        String pareto = json(session, "/api/v1/dashboard/pareto");
        assertThat(this.<List<Object>>read(pareto, "$")).as("Pareto curve").hasSizeGreaterThan(2);
    }

    private static String period() {
        return "&from=" + PERIOD_FROM + "&to=" + PERIOD_TO;
    }

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult signedIn = mvc.perform(formLogin("/login").user(username).password(passwords.get(username)))
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).as("%s signs in", username).isEqualTo("/");
        return (MockHttpSession) signedIn.getRequest().getSession();
    }

    private String json(MockHttpSession session, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).session(session)).andReturn();
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as("%s: %s", path, body).isEqualTo(200);
        return body;
    }

    private <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    private long sum(String json, String path) {
        List<Number> values = JsonPath.read(json, path);
        return values.stream().mapToLong(Number::longValue).sum();
    }
}
