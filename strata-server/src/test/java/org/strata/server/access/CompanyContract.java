package org.strata.server.access;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
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

    @BeforeEach
    void loadCompany() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(AccessFixture.PASSWORD);
        }
        new AccessFixture(jdbc).reset(passwordHash);
    }

    /** The request as sent from a signed-in session of {@code username}, with the CSRF token a page would send. */
    MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(users.find(username).orElseThrow())).with(csrf());
    }
}
