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
 * console's pages and exports, the dashboard's figures and the playbooks' per-customer reads. Each person sees
 * exactly their customers there too: in page rows, file rows and figures, and 404 for anyone else's customer.
 */
class ConsoleScopeMatrixTest {

    private static final List<Long> ALL = List.of(C1, C2, C3, C4);
    private static final Pattern CUSTOMER_LINK = Pattern.compile("href=\"/customers/(\\d+)\"");
    private static final Pattern CUSTOMER_TOTAL = Pattern.compile("id=\"customer-total\">\\D*(\\d+)\\D*<");

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
                Set<Long> linked = new TreeSet<>();
                Matcher link = CUSTOMER_LINK.matcher(html);
                while (link.find()) {
                    linked.add(Long.parseLong(link.group(1)));
                }
                softly.assertThat(linked).as("%s console list", username).isEqualTo(VISIBLE.get(username));
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
                    String html = call(username, request).getResponse().getContentAsString(StandardCharsets.UTF_8);
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

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
