package org.strata.server.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.strata.server.demo.DemoDataGenerator;
import org.strata.server.demo.DemoSettings;
import org.strata.server.testsupport.H2Database;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.strata.server.access.CompanyContract.body;
import static org.strata.server.access.CompanyContract.exportedIds;
import static org.strata.server.access.CompanyContract.ids;
import static org.strata.server.access.CompanyContract.number;

/**
 * The demo company as {@code ./strata demo} builds it (smaller), signed in through the real form with the printed
 * demo passwords: the sales rep zhang.wei and the manager huang.lei (华东销售部 and its groups) see exactly their
 * customers on the dashboard, the customer list and its export, the 360° pages, the run results and their tasks.
 * The expected sets are computed here in SQL from owners and the team tree, independently of the scope code.
 */
@H2Database
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.application.name=strata-demo-scope")
class DemoCompanyScopeTest {

    private static final String SCOPE_OF = """
            WITH RECURSIVE tree (id) AS (
                SELECT u.team_id FROM users u WHERE u.username = ? AND u.team_id IS NOT NULL
                UNION ALL SELECT t.id FROM teams t JOIN tree ON t.parent_id = tree.id)
            SELECT c.id FROM customers c WHERE c.merged_into IS NULL
              AND (c.owner_id = (SELECT id FROM users WHERE username = ?) OR c.team_id IN (SELECT id FROM tree))""";
    private static final String OWNED_BY = "SELECT c.id FROM customers c WHERE c.merged_into IS NULL "
            + "AND c.owner_id = (SELECT id FROM users WHERE username = ?)";

    private static Map<String, String> passwords;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoDataGenerator demo;
    @Autowired
    DemoAccounts accounts;
    @Autowired
    UserAccounts users;

    @BeforeEach
    void demoCompanyWithATieringRunAndTasks() throws Exception {
        if (passwords != null) {
            return;
        }
        demo.generateIfEmpty(new DemoSettings(7L, 400, Instant.parse("2026-06-30T04:00:00Z"),
                ZoneId.of("Asia/Shanghai")));
        passwords = new HashMap<>();
        accounts.createWithNewPasswords().forEach(c -> passwords.put(c.username(), c.password()));
        MockHttpSession admin = signIn("admin");
        perform(admin, post("/api/v1/tiering/presets/retail/instantiate").contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
        perform(admin, post("/api/v1/tiering/schemes/retail/publish"));
        perform(admin, post("/api/v1/tiering/schemes/retail/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\": \"2026-06-30\"}"));
        // one follow-up task per customer, filed with the customer's owner and team as playbooks file them
        jdbc.update("INSERT INTO playbook_tasks (customer_id, owner_id, team_id, kind, title, priority, due_at, "
                + "status, created_at) SELECT id, owner_id, team_id, 'task', '回访', 'normal', ?, 'open', ? "
                + "FROM customers WHERE merged_into IS NULL", Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")),
                Timestamp.from(Instant.now()));
    }

    @Test
    void theSalesRepZhangWeiSeesExactlyTheCustomersHeOwns() throws Exception {
        Set<Long> expected = sql(OWNED_BY, "zhang.wei");
        assertThat(expected).as("zhang.wei owns demo customers").isNotEmpty();
        seesExactly("zhang.wei", expected);
    }

    @Test
    void theManagerHuangLeiSeesExactlyTheCustomersOfHisDepartmentAndHisOwn() throws Exception {
        Set<Long> expected = sql(SCOPE_OF, "huang.lei", "huang.lei");
        long everyone = jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE merged_into IS NULL", Long.class);
        assertThat(expected).as("华东 customers, not everyone").isNotEmpty().hasSizeLessThan((int) everyone);
        seesExactly("huang.lei", expected);
    }

    private void seesExactly(String username, Set<Long> expected) throws Exception {
        MockHttpSession session = signIn(username);
        MvcResult list = perform(session, get("/api/v1/customers").param("includeTotal", "true").param("size", "500"));
        assertThat(ids(list, "$.items[*].id")).as("API list").isEqualTo(expected);
        assertThat(number(list, "$.total")).as("API total").isEqualTo(expected.size());

        MvcResult summary = perform(session, get("/api/v1/dashboard/summary").param("scheme", "retail")
                .param("from", "2024-01-01").param("to", "2026-06-30"));
        assertThat(number(summary, "$.kpis.customers")).as("dashboard customers").isEqualTo(expected.size());
        assertThat(CompanyContract.sum(summary, "$.tiers[*].customers")).as("dashboard tiers")
                .isEqualTo(expected.size());

        Set<Long> linked = ConsoleScopeMatrixTest.linkedCustomers(body(perform(session,
                get("/customers").param("size", "100"))));
        assertThat(expected).as("console list").containsAll(linked);
        assertThat(linked).as("console list").isNotEmpty();
        if (users.find(username).orElseThrow().can(Permission.EXPORT)) {
            assertThat(exportedIds(perform(session, get("/customers/export.csv")))).as("console export")
                    .isEqualTo(expected);
        }

        long outside = jdbc.queryForObject("SELECT MIN(id) FROM customers WHERE merged_into IS NULL AND id NOT IN ("
                + String.join(",", expected.stream().map(String::valueOf).toList()) + ")", Long.class);
        long inside = expected.iterator().next();
        assertThat(status(session, "/customers/" + inside)).as("360 page of own customer").isEqualTo(200);
        assertThat(status(session, "/customers/" + outside)).as("360 page of another's").isEqualTo(404);
        assertThat(status(session, "/api/v1/customers/" + outside)).as("API 360 of another's").isEqualTo(404);

        MvcResult members = perform(session, get("/api/v1/tiering/schemes/retail/memberships").param("size", "500"));
        assertThat(number(members, "$.page.total")).as("run results").isEqualTo(expected.size());
        assertThat(expected).as("run results").containsAll(ids(members, "$.page.items[*].customerId"));
        Set<Long> tasks = ids(perform(session, get("/api/v1/tasks").param("size", "500")), "$[*].customerId");
        assertThat(tasks).as("tasks").isEqualTo(expected);
        assertThat(status(session, "/runs")).as("runs page").isEqualTo(200);
        assertThat(status(session, "/")).as("dashboard page").isEqualTo(200);
    }

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult signedIn = mvc.perform(formLogin("/login").user(username).password(passwords.get(username)))
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).as("%s signs in", username).isEqualTo("/");
        return (MockHttpSession) signedIn.getRequest().getSession();
    }

    private MvcResult perform(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.session(session).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s %s", request, body(result)).isLessThan(300);
        return result;
    }

    private int status(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
    }

    private Set<Long> sql(String query, Object... args) {
        return new TreeSet<>(jdbc.queryForList(query, Long.class, args));
    }
}
