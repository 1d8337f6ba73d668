package org.strata.server.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;
import static org.strata.server.access.AccessFixture.USERS;
import static org.strata.server.access.AccessFixture.VISIBLE;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

/**
 * The same company and people as {@link DataScopeMatrixTest}, through what was built on top of the API: the web
 * console's pages and exports, the dashboard's figures, the playbooks' per-customer reads and the pages over their
 * results (warnings, deliveries, dead letters, experiment reports). Each person sees
 * exactly their customers there too: in page rows, file rows and figures, and 404 for anyone else's customer.
 */
class ConsoleScopeMatrixTest {

    private static final List<Long> ALL = List.of(C1, C2, C3, C4);
    private static final Pattern CUSTOMER_LINK = Pattern.compile("href=\"/customers/(\\d+)\"");

    abstract static class Contract extends CompanyContract {

        SoftAssertions softly;

        @BeforeEach
        void newAssertions() {
            softly = new SoftAssertions();
        }

        @Test
        void theConsolesCustomerListLinksExactlyTheCallersCustomers() throws Exception {
            for (String username : USERS) {
                softly.assertThat(linkedCustomers(call(username, get("/customers").param("size", "100"))))
                        .as("%s console list", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
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
        void theConsolesExportHoldsTheScopedRowsOnlyAndNeedsTheExportPermission() throws Exception {
            for (String username : USERS) {
                MvcResult export = call(username, get("/customers/export.csv"));
                if (!users.find(username).orElseThrow().can(Permission.EXPORT)) {
                    softly.assertThat(export.getResponse().getStatus()).as("%s console export", username)
                            .isEqualTo(403);
                    continue;
                }
                softly.assertThat(exportedIds(export)).as("%s console export rows", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
        void theWarningsDeliveriesAndExperimentPagesShowExactlyTheCallersCustomers() throws Exception {
            long playbook = playbookResultsForEveryCustomer();
            for (String username : USERS) {
                softly.assertThat(linkedCustomers(call(username, get("/warnings"))))
                        .as("%s warnings page", username).isEqualTo(VISIBLE.get(username));
                MvcResult report = call(username, get("/experiments").param("playbook", Long.toString(playbook))
                        .cookie(new Cookie("strata-lang", "en")));
                Matcher groups = Pattern.compile("(\\d+) treated and (\\d+) held-out customers")
                        .matcher(report.getResponse().getContentAsString(StandardCharsets.UTF_8));
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
                    softly.assertThat(linkedCustomers(deliveries)).as("%s %s", username, page)
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

        /** The playbook tables refer to the fixture's customers, which the next test's fixture deletes. */
        @AfterEach
        void removePlaybookResults() {
            for (String table : List.of("playbook_delivery_attempts", "playbook_deliveries", "playbook_entries",
                    "playbook_actions", "playbooks", "churn_warnings")) {
                jdbc.update("DELETE FROM " + table);
            }
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
    }

    /** The customers a page links to (their 360° pages). */
    static Set<Long> linkedCustomers(MvcResult page) throws Exception {
        Set<Long> linked = new TreeSet<>();
        Matcher link = CUSTOMER_LINK.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        while (link.find()) {
            linked.add(Long.parseLong(link.group(1)));
        }
        return linked;
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
