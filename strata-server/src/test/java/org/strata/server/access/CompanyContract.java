package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.strata.server.dashboard.DashboardFigures;
import org.strata.server.quality.QualityFigures;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The base of access tests: loads {@link AccessFixture} before each test and acts as any of its users. */
@AutoConfigureMockMvc
abstract class CompanyContract {

    /** One bcrypt hash for all fixture users: hashing is deliberately slow, the password the same. */
    private static String passwordHash;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DashboardFigures dashboardFigures;
    @Autowired
    QualityFigures qualityFigures;

    @BeforeEach
    void loadCompany() {
        reloadCompany();
    }

    /** The fixture as it was at the start, for tests that change it once per person. */
    void reloadCompany() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(AccessFixture.PASSWORD);
        }
        new AccessFixture(jdbc).reset(passwordHash);
        // the fixture writes its rows directly, past the imports and runs that keep the dashboard's and quality figures
        dashboardFigures.rebuildAll();
        qualityFigures.rebuildAll();
    }

    /** The request as sent from a signed-in session of {@code username}, with the CSRF token a page would send. */
    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.find(username).orElseThrow())).with(csrf());
    }

    MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(username, request)).andReturn();
    }

    /** Reads the customer ids out of an export file. */
    interface ExportRows {
        Set<Long> of(MvcResult export) throws Exception;
    }

    /**
     * Every fixture user's export at {@code path}: refused (403) to those without the export permission, otherwise
     * holding exactly their customers.
     */
    void assertEachExportHoldsTheCallersRowsOnly(SoftAssertions softly, String path, ExportRows rows, String what)
            throws Exception {
        for (String username : AccessFixture.USERS) {
            MvcResult export = call(username, MockMvcRequestBuilders.get(path));
            if (!users.find(username).orElseThrow().can(Permission.EXPORT)) {
                softly.assertThat(export.getResponse().getStatus()).as("%s %s", username, what).isEqualTo(403);
                continue;
            }
            softly.assertThat(rows.of(export)).as("%s %s rows", username, what)
                    .isEqualTo(AccessFixture.VISIBLE.get(username));
        }
    }

    /** The customer ids of a CSV export: the first column of every row below the header. */
    static Set<Long> exportedIds(MvcResult export) throws UnsupportedEncodingException {
        String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(csv.split("\r\n")).skip(1).filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The text of a response (pages and JSON are UTF-8). */
    static String body(MvcResult result) throws UnsupportedEncodingException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static Set<Long> ids(MvcResult result, String path) throws Exception {
        List<Number> ids = JsonPath.read(body(result), path);
        return ids.stream().map(Number::longValue).collect(Collectors.toCollection(TreeSet::new));
    }

    static long number(MvcResult result, String path) throws Exception {
        return ((Number) JsonPath.read(body(result), path)).longValue();
    }

    /** The sum of the numbers a JSON path finds (cells of a matrix, sizes of tiers ...). */
    static long sum(MvcResult result, String path) throws Exception {
        List<Number> numbers = JsonPath.read(body(result), path);
        return numbers.stream().mapToLong(Number::longValue).sum();
    }

    static void expectStatus(MvcResult result, int status) throws Exception {
        if (result.getResponse().getStatus() != status) {
            throw new AssertionError(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI()
                    + " answered " + result.getResponse().getStatus() + ": " + body(result));
        }
    }

    /** Publishes the ABC preset as scheme {@code value} and runs it as of 2026-06-01, as the admin; the run's id. */
    long publishAndRunAbc() throws Exception {
        String scheme = "/api/v1/tiering/schemes/value";
        expectStatus(call("admin", post("/api/v1/tiering/presets/abc/instantiate")
                .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"value\"}")), 201);
        expectStatus(call("admin", post(scheme + "/publish")), 200);
        MvcResult run = call("admin", post(scheme + "/runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\": \"2026-06-01\"}"));
        expectStatus(run, 201);
        return number(run, "$.id");
    }

    /** The traces (name, phone, e-mail) of customers {@code username} must not see that appear in {@code text}. */
    static List<String> foreignTraces(String username, String text) {
        return AccessFixture.TRACES.entrySet().stream()
                .filter(customer -> !AccessFixture.VISIBLE.get(username).contains(customer.getKey()))
                .flatMap(customer -> customer.getValue().stream()).filter(text::contains).toList();
    }
}
