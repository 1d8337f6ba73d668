package org.strata.server.dashboard;

import org.strata.server.testsupport.SignedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;
import org.strata.server.testsupport.H2Database;

/**
 * The dashboard's figures on a small demo company with the retail scheme run twice: they add up to the customers
 * there are, and a data scope narrows every one of them.
 */
@H2Database
@AutoConfigureMockMvc
@SignedInAs
@Import(DashboardApiTest.Scopes.class)
class DashboardApiTest {

    /** A real scope implementation for the test: every customer, or only those of one region. */
    static final class RegionScope implements CustomerScope {
        volatile String region;

        @Override
        public ScopeCondition condition(String alias) {
            return region == null ? ScopeCondition.everything()
                    : new ScopeCondition(alias + ".region = :scope_region", Map.of("scope_region", region));
        }

        @Override
        public boolean includes(long customerId) {
            return true;
        }
    }

    @TestConfiguration
    static class Scopes {
        @Bean
        @Primary
        RegionScope regionScope() {
            return new RegionScope();
        }
    }

    private static boolean seeded;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoDataGenerator demo;
    @Autowired
    RegionScope scope;

    @BeforeEach
    void seed() throws Exception {
        scope.region = null;
        if (!seeded) {
            demo.generateIfEmpty(new DemoSettings(7L, 400, Instant.parse("2026-06-30T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            call("/api/v1/tiering/presets/retail/instantiate", "{}");
            call("/api/v1/tiering/schemes/retail/publish", "{}");
            call("/api/v1/tiering/schemes/retail/runs", "{\"asOf\":\"2026-03-31\"}");
            call("/api/v1/tiering/schemes/retail/runs", "{\"asOf\":\"2026-06-30\"}");
            seeded = true;
        }
    }

    @AfterEach
    void everyoneAgain() {
        scope.region = null;
    }

    @Test
    void tierCountsAddUpToTheCustomersAndTheMigrationMatrixToTheTierCounts() throws Exception {
        String summary = json("/api/v1/dashboard/summary?scheme=retail&from=2025-07-01&to=2026-06-30");
        long customers = ((Number) JsonPath.read(summary, "$.kpis.customers")).longValue();
        List<Number> tierCounts = JsonPath.read(summary, "$.tiers[*].customers");
        assertThat(customers).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM customers WHERE merged_into IS NULL", Long.class));
        assertThat(tierCounts.stream().mapToLong(Number::longValue).sum()).isEqualTo(customers);
        List<Number> shares = JsonPath.read(summary, "$.tiers[*].revenueShare");
        assertThat(shares.stream().mapToDouble(Number::doubleValue).sum()).isBetween(99.5, 100.5);

        String migration = json("/api/v1/dashboard/migration?scheme=retail");
        List<Number> cells = JsonPath.read(migration, "$.cells[*].customers");
        assertThat(cells.stream().mapToLong(Number::longValue).sum()).isEqualTo(customers);
        assertThat(((Number) JsonPath.read(migration, "$.sinceRun")).longValue()).isEqualTo(1L);

        String history = json("/api/v1/dashboard/history?scheme=retail&from=2025-07-01&to=2026-06-30");
        List<String> days = JsonPath.read(history, "$[*].asOf");
        assertThat(days).containsExactly("2026-03-31", "2026-06-30");
        Map<String, Number> sizesNow = JsonPath.read(history, "$[1].sizes");
        assertThat(sizesNow.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(customers);
    }

    @Test
    void theParetoCurveRisesToAllRevenue() throws Exception {
        List<Number> revenue = JsonPath.read(json("/api/v1/dashboard/pareto"), "$[*].revenuePercent");
        assertThat(revenue.get(0).doubleValue()).isZero();
        assertThat(revenue.get(revenue.size() - 1).doubleValue()).isEqualTo(100.0);
        for (int i = 1; i < revenue.size(); i++) {
            assertThat(revenue.get(i).doubleValue()).isGreaterThanOrEqualTo(revenue.get(i - 1).doubleValue());
        }
    }

    @Test
    void aDataScopeNarrowsEveryFigure() throws Exception {
        String region = jdbc.queryForObject("SELECT region FROM customers WHERE merged_into IS NULL"
                + " GROUP BY region ORDER BY COUNT(*) DESC LIMIT 1", String.class);
        long inRegion = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL AND region = ?",
                Long.class, region);
        scope.region = region;
        String summary = json("/api/v1/dashboard/summary?scheme=retail");
        assertThat(((Number) JsonPath.read(summary, "$.kpis.customers")).longValue()).isEqualTo(inRegion);
        List<Number> tierCounts = JsonPath.read(summary, "$.tiers[*].customers");
        assertThat(tierCounts.stream().mapToLong(Number::longValue).sum()).isEqualTo(inRegion);
        List<Number> cells = JsonPath.read(json("/api/v1/dashboard/migration?scheme=retail"), "$.cells[*].customers");
        assertThat(cells.stream().mapToLong(Number::longValue).sum()).isEqualTo(inRegion);
        String page = mvc.perform(get("/customers?scheme=retail")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(region);
    }

    @Test
    void anUnknownSchemeOrABackwardsPeriodIsAnsweredWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/dashboard/history?scheme=nope")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboard/summary?from=2026-06-30&to=2026-01-01")).andExpect(status().isBadRequest());
    }

    private String json(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void call(String path, String body) throws Exception {
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(300));
    }
}
