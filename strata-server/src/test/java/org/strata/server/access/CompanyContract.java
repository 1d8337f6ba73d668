package org.strata.server.access;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.strata.server.dashboard.DashboardFigures;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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

    @BeforeEach
    void loadCompany() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(AccessFixture.PASSWORD);
        }
        new AccessFixture(jdbc).reset(passwordHash);
        // the fixture writes its rows directly, past the imports and runs that keep the dashboard's figures
        dashboardFigures.rebuildAll();
    }

    /** The request as sent from a signed-in session of {@code username}, with the CSRF token a page would send. */
    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.find(username).orElseThrow())).with(csrf());
    }

    MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(username, request)).andReturn();
    }

    /** The customer ids of a CSV export: the first column of every row below the header. */
    static Set<Long> exportedIds(MvcResult export) throws UnsupportedEncodingException {
        String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(csv.split("\r\n")).skip(1).filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
