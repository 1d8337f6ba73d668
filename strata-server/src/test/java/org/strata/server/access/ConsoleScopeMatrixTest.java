package org.strata.server.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;
import static org.strata.server.access.AccessFixture.USERS;
import static org.strata.server.access.AccessFixture.VISIBLE;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

/**
 * The same company and people as {@link DataScopeMatrixTest}, through what was built on top of the API: the web
 * console's pages (customer list, 360 page, task list, warnings, deliveries, dead letters, experiment reports) and
 * exports, the dashboard's figures and the playbooks' per-customer reads. Each person sees exactly their customers there too: in page rows, file rows and figures, and
 * 404 for anyone else's customer.
 */
class ConsoleScopeMatrixTest {

    private static final List<Long> ALL = List.of(C1, C2, C3, C4);
    private static final Pattern CUSTOMER_LINK = Pattern.compile("href=\"/customers/(\\d+)\"");
    private static final Pattern KPI_VALUE = Pattern.compile("class=\"kpi-value\">([0-9]+)<");

    /** The customer ids of an Excel export: the first cell of every row below the header. */
    static Set<Long> excelIds(MvcResult export) throws Exception {
        Set<Long> rows = new TreeSet<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    rows.add(Long.parseLong(new DataFormatter().formatCellValue(row.getCell(0))));
                }
            }
        }
        return rows;
    }

    static Set<Long> linkedCustomers(String html) {
        Set<Long> linked = new TreeSet<>();
        Matcher link = CUSTOMER_LINK.matcher(html);
        while (link.find()) {
            linked.add(Long.parseLong(link.group(1)));
        }
        return linked;
    }
    private static final Pattern CUSTOMER_TOTAL = Pattern.compile("id=\"customer-total\">\\D*(\\d+)\\D*<");

    abstract static class Contract extends CompanyContract {

        SoftAssertions softly;

        @BeforeEach
        void newAssertions() {
            softly = new SoftAssertions();
        }

        @Test
        @Covers({"GET /customers"})
        void theConsolesCustomerListLinksExactlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                String html = body(call(username, get("/customers").param("size", "100")));
                softly.assertThat(linkedCustomers(html)).as("%s console list", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
        void theCustomerListsTotalCountsExactlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                // no filter: from the pre-aggregated sizes; a text filter (张伟 is C1): counted from the customers
                for (String text : new String[] {null, "张伟"}) {
                    var request = get("/customers");
                    if (text != null) {
                        request.param("q", text);
                    }
                    String html = body(call(username, request));
                    long expected = text == null ? VISIBLE.get(username).size()
                            : VISIBLE.get(username).contains(C1) ? 1 : 0;
                    Matcher total = CUSTOMER_TOTAL.matcher(html);
                    if (expected == 0) {
                        softly.assertThat(html).as("%s list filtered by %s", username, text).contains("customers-empty");
                    } else {
                        softly.assertThat(total.find() ? total.group(1) : "no total")
                                .as("%s list total", username).isEqualTo(String.valueOf(expected));
                    }
                }
            }
            softly.assertAll();
        }

        @Test
        @Covers("GET /tasks")
        void theConsolesTaskListLinksExactlyTheTasksOfTheCallersCustomers() throws Exception {
            Timestamp now = Timestamp.from(Instant.now());
            for (long id : ALL) {
                jdbc.update("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, priority, due_at, "
                        + "status, created_at) SELECT id, owner_id, team_id, 'task', 'visit', 'normal', ?, 'open', ? "
                        + "FROM customers WHERE id = ?", now, now, id);
            }
            try {
                for (String username : USERS) {
                    String html = body(call(username, get("/tasks").param("view", "all")));
                    softly.assertThat(linkedCustomers(html)).as("%s console task list", username)
                            .isEqualTo(VISIBLE.get(username));
                }
            } finally {
                jdbc.update("DELETE FROM playbook_tasks");
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /warnings", "GET /experiments", "GET /deliveries", "GET /deliveries/dead-letters",
                "GET /deliveries/{id}"})
        void theWarningsDeliveriesAndExperimentPagesShowExactlyTheCallersCustomers() throws Exception {
            long playbook = playbookResultsForEveryCustomer();
            for (String username : USERS) {
                softly.assertThat(linkedCustomers(body(call(username, get("/warnings")))))
                        .as("%s warnings page", username).isEqualTo(VISIBLE.get(username));
                MvcResult report = call(username, get("/experiments").param("playbook", Long.toString(playbook))
                        .cookie(new Cookie("strata-lang", "en")));
                Matcher groups = Pattern.compile("(\\d+) treated and (\\d+) held-out customers")
                        .matcher(body(report));
                softly.assertThat(groups.find() ? Long.parseLong(groups.group(1)) + Long.parseLong(groups.group(2))
                        : -1).as("%s experiment entrants", username).isEqualTo(VISIBLE.get(username).size());
                boolean manages = users.find(username).orElseThrow().can(Permission.MANAGE_PLAYBOOKS);
                for (String page : List.of("/deliveries", "/deliveries/dead-letters")) {
                    MvcResult deliveries = call(username, get(page));
                    if (!manages) {
                        softly.assertThat(deliveries.getResponse().getStatus()).as("%s %s", username, page)
                                .isEqualTo(403);
                        continue;
                    }
                    softly.assertThat(linkedCustomers(body(deliveries))).as("%s %s", username, page)
                            .isEqualTo(VISIBLE.get(username));
                }
                for (long id : ALL) {
                    long delivery = jdbc.queryForObject("SELECT id FROM playbook_deliveries WHERE customer_id = ?",
                            Long.class, id);
                    int expected = !manages ? 403 : VISIBLE.get(username).contains(id) ? 200 : 404;
                    softly.assertThat(call(username, get("/deliveries/" + delivery)).getResponse().getStatus())
                            .as("%s delivery of customer %d", username, id).isEqualTo(expected);
                }
            }
            softly.assertAll();
        }

        /** A playbook with a holdout that every customer entered 60 days ago, a dead letter and a warning each. */
        private long playbookResultsForEveryCustomer() {
            jdbc.update("INSERT INTO playbooks (name_zh, name_en, trigger_kind, holdout_percent, created_by, created_at, "
                    + "updated_at) VALUES ('矩阵', 'Matrix', 'warning_raised', 50, 'test', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP)");
            long playbook = jdbc.queryForObject("SELECT MAX(id) FROM playbooks", Long.class);
            jdbc.update("INSERT INTO playbook_actions (playbook_id, position, kind, config) VALUES (?, 0, 'task', "
                    + "'{\"title\": \"t\"}')", playbook);
            long action = jdbc.queryForObject("SELECT MAX(id) FROM playbook_actions", Long.class);
            Timestamp entered = Timestamp.from(Instant.now().minus(Duration.ofDays(60)));
            for (long id : ALL) {
                jdbc.update("INSERT INTO playbook_entries (playbook_id, customer_id, source_kind, source_ref, batch_ref, "
                        + "occurred_at, held_out) VALUES (?, ?, 'sim', ?, 'sim', ?, ?)", playbook, id, "m" + id, entered,
                        id % 2 == 0);
                long entry = jdbc.queryForObject("SELECT MAX(id) FROM playbook_entries", Long.class);
                jdbc.update("INSERT INTO playbook_deliveries (entry_id, action_id, playbook_id, customer_id, kind, "
                        + "status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 'task', 'dead', 1, ?, ?)",
                        entry, action, playbook, id, entered, entered);
                jdbc.update("INSERT INTO churn_warnings (customer_id, signal, reason_zh, reason_en, raised_at) "
                        + "VALUES (?, 'purchase_gap', '久未购买', 'no purchase', ?)", id, entered);
            }
            return playbook;
        }

        @Test
        @Covers({"GET /customers/{id}", "GET /api/v1/customers/{id}/warnings"})
        void theConsoles360PageAndThePlaybookWarningsAnswer404OutsideTheScope() throws Exception {
            for (String username : USERS) {
                for (long id : ALL) {
                    int expected = VISIBLE.get(username).contains(id) ? 200 : 404;
                    softly.assertThat(call(username, get("/customers/" + id)).getResponse().getStatus())
                            .as("%s console page of customer %d", username, id).isEqualTo(expected);
                    softly.assertThat(call(username, get("/api/v1/customers/" + id + "/warnings")).getResponse()
                            .getStatus()).as("%s warnings of customer %d", username, id).isEqualTo(expected);
                }
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /customers/export.csv"})
        void theConsolesExportHoldsTheScopedRowsOnlyAndNeedsTheExportPermission() throws Exception {
            assertEachExportHoldsTheCallersRowsOnly(softly, "/customers/export.csv", CompanyContract::exportedIds,
                    "console export");
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/dashboard/summary"})
        void theDashboardCountsOnlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                MvcResult summary = call(username, get("/api/v1/dashboard/summary")
                        .param("from", "2000-01-01").param("to", "2099-12-31"));
                Number customers = JsonPath.read(summary.getResponse().getContentAsString(), "$.kpis.customers");
                softly.assertThat(customers.longValue()).as("%s dashboard customers", username)
                        .isEqualTo(VISIBLE.get(username).size());
            }
            softly.assertAll();
        }

        @Test
        void theConsoles360PageMasksPersonalDataForRolesWithoutThePermission() throws Exception {
            for (String username : USERS) {
                boolean sees = users.find(username).orElseThrow().can(Permission.SEE_PERSONAL_DATA);
                for (long id : VISIBLE.get(username)) {
                    String html = body(call(username, get("/customers/" + id)));
                    List<String> shown = AccessFixture.TRACES.get(id).stream().filter(html::contains).toList();
                    softly.assertThat(shown).as("%s sees on the page of %d", username, id)
                            .isEqualTo(sees ? AccessFixture.TRACES.get(id) : List.of());
                }
            }
            softly.assertAll();
        }

        @Test
        @Covers("GET /customers/export.xlsx")
        void theExcelExportHoldsTheScopedRowsOnly() throws Exception {
            assertEachExportHoldsTheCallersRowsOnly(softly, "/customers/export.xlsx",
                    ConsoleScopeMatrixTest::excelIds, "excel export");
            softly.assertAll();
        }

        @Test
        @Covers({"GET /api/v1/dashboard/pareto", "GET /api/v1/dashboard/migration", "GET /api/v1/dashboard/history",
                "GET /api/v1/dashboard/retention"})
        void theDashboardChartsAndTheirDownloadsCountOnlyTheCallersCustomers() throws Exception {
            publishAndRunAbc();
            for (String username : USERS) {
                int visible = VISIBLE.get(username).size();
                // fewer than 100 customers: one point per customer after the origin
                MvcResult pareto = call(username, get("/api/v1/dashboard/pareto"));
                softly.assertThat(((List<?>) JsonPath.read(body(pareto), "$")).size() - 1)
                        .as("%s pareto customers", username).isEqualTo(visible);
                MvcResult migration = call(username, get("/api/v1/dashboard/migration").param("scheme", "value"));
                softly.assertThat(sum(migration, "$.cells[*].customers")).as("%s migration cells", username)
                        .isEqualTo(visible);
                MvcResult history = call(username, get("/api/v1/dashboard/history").param("scheme", "value")
                        .param("from", "2026-01-01").param("to", "2026-12-31"));
                softly.assertThat(sum(history, "$[-1].sizes.*")).as("%s tier sizes after the run", username)
                        .isEqualTo(visible);
                MvcResult retention = call(username, get("/api/v1/dashboard/retention").param("scheme", "value")
                        .param("from", "2026-02-01").param("to", "2026-03-31"));
                softly.assertThat(sum(retention, "$[*].buyers")).as("%s buyers by tier", username)
                        .isEqualTo(visible);
                // C1 bought twice (its own order and the one of C5 merged into it)
                softly.assertThat(sum(retention, "$[*].repurchaseRate") > 0).as("%s repeat buyers", username)
                        .isEqualTo(VISIBLE.get(username).contains(C1));
            }
            softly.assertAll();
        }

        @Test
        @Covers("GET /runs")
        void runCountsOnTheRunsPageAndTheMigrationsRunListCountOnlyTheCallersCustomers() throws Exception {
            publishAndRunAbc();
            // C1 is moved by hand and released, so the next run moves exactly C1 back
            String scheme = "/api/v1/tiering/schemes/value";
            String tier = jdbc.queryForObject("SELECT tier_key FROM tiering_memberships WHERE customer_id = ?",
                    String.class, C1);
            MvcResult pin = call("admin", post(scheme + "/pins").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"customerId\": " + C1 + ", \"tier\": \"" + (tier.equals("a") ? "c" : "a")
                            + "\", \"reason\": \"test\"}"));
            expectStatus(pin, 201);
            expectStatus(call("admin", delete(scheme + "/pins/" + number(pin, "$.id"))), 200);
            MvcResult again = call("admin", post(scheme + "/runs").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\": \"2026-06-01\"}"));
            expectStatus(again, 201);
            long runId = number(again, "$.id");
            softly.assertThat(number(again, "$.moved")).as("the stored count").isEqualTo(1);
            for (String username : USERS) {
                Set<Long> visible = VISIBLE.get(username);
                int moved = visible.contains(C1) ? 1 : 0;
                List<String> cells = runsPageCounts(body(call(username, get("/runs"))), runId);
                softly.assertThat(cells).as("%s /runs evaluated and moved", username)
                        .containsExactly(String.valueOf(visible.size()), String.valueOf(moved));
                MvcResult migration = call(username, get("/api/v1/dashboard/migration").param("scheme", "value"));
                softly.assertThat(sum(migration, "$.runs[?(@.id == " + runId + ")].moved"))
                        .as("%s migration run list moved", username).isEqualTo(moved);
            }
            softly.assertAll();
        }

        /** The "customers evaluated" and "moved" cells of run {@code runId}'s row on the runs page. */
        static List<String> runsPageCounts(String html, long runId) {
            Matcher row = Pattern.compile("<tr>\\s*<td>" + runId + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(html);
            if (!row.find()) {
                throw new AssertionError("no row of run " + runId + " on the runs page");
            }
            List<String> numbers = new ArrayList<>();
            Matcher cell = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row.group(1));
            while (cell.find()) {
                numbers.add(cell.group(1).trim());
            }
            // duration, evaluated, moved, held
            return numbers.subList(1, 3);
        }

        @Test
        @Covers("GET /quality")
        void theQualityPageCountsAndLinksOnlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                String html = body(call(username, get("/quality")));
                Matcher kpi = KPI_VALUE.matcher(html);
                softly.assertThat(kpi.find() ? Long.parseLong(kpi.group(1)) : -1).as("%s quality customers", username)
                        .isEqualTo(VISIBLE.get(username).size());
                // a merged duplicate is sampled by the id it had, C5, which only those who see its survivor C1 see
                Set<Long> sampleable = new TreeSet<>(VISIBLE.get(username));
                if (sampleable.contains(C1)) {
                    sampleable.add(AccessFixture.C5);
                }
                softly.assertThat(sampleable).as("%s quality samples", username).containsAll(linkedCustomers(html));
            }
            softly.assertAll();
        }

        @Test
        @Covers({"GET /", "GET /api/v1/dashboard/schemes", "GET /sla"})
        void theDashboardPageTheSlaPageAndSchemeListCarryNoCustomerAtAll() throws Exception {
            publishAndRunAbc();
            for (String username : USERS) {
                for (String path : List.of("/", "/api/v1/dashboard/schemes", "/sla")) {
                    MvcResult result = call(username, get(path));
                    softly.assertThat(result.getResponse().getStatus()).as("%s %s", username, path).isEqualTo(200);
                    softly.assertThat(foreignTraces(username, body(result))).as("%s %s", username, path).isEmpty();
                }
            }
            softly.assertAll();
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
