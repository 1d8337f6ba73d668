package org.strata.server.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.C3;
import static org.strata.server.access.AccessFixture.C4;
import static org.strata.server.access.AccessFixture.USERS;
import static org.strata.server.access.AccessFixture.VISIBLE;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

/**
 * The same company and people as {@link DataScopeMatrixTest}, through what was built on top of the API: the web
 * console's pages (customer list, 360 page, task list) and exports, the dashboard's figures and the playbooks'
 * per-customer reads. Each person sees exactly their customers there too: in page rows, file rows and figures, and
 * 404 for anyone else's customer.
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
                String html = call(username, get("/customers").param("size", "100")).getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                softly.assertThat(linked(html)).as("%s console list", username).isEqualTo(VISIBLE.get(username));
            }
            softly.assertAll();
        }

        @Test
        void theConsolesTaskListLinksExactlyTheTasksOfTheCallersCustomers() throws Exception {
            Timestamp now = Timestamp.from(Instant.now());
            for (long id : ALL) {
                jdbc.update("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, priority, due_at, "
                        + "status, created_at) SELECT id, owner_id, team_id, 'task', 'visit', 'normal', ?, 'open', ? "
                        + "FROM customers WHERE id = ?", now, now, id);
            }
            try {
                for (String username : USERS) {
                    String html = call(username, get("/tasks").param("view", "all")).getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
                    softly.assertThat(linked(html)).as("%s console task list", username)
                            .isEqualTo(VISIBLE.get(username));
                }
            } finally {
                jdbc.update("DELETE FROM playbook_tasks");
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

    /** The customers a page links to. */
    static Set<Long> linked(String html) {
        Set<Long> linked = new TreeSet<>();
        Matcher link = CUSTOMER_LINK.matcher(html);
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
