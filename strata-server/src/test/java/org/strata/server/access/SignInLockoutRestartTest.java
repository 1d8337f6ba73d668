package org.strata.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.testsupport.Databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Brute force is remembered by the database, not by one server's memory: an account locked after five wrong
 * passwords and an address throttled after thirty failures stay so when Strata restarts (or when the next attempt
 * reaches another node of a cluster), with the same message on the sign-in page, and every refusal is audited.
 */
class SignInLockoutRestartTest {

    private static final String GUESSER = "203.0.113.7";
    private static final String COLLEAGUE = "198.51.100.20";

    @Test
    void lockOutAndThrottlingSurviveARestartOnH2() throws Exception {
        lockOutAndThrottlingSurviveARestart(Databases.freshH2Url(), "sa");
    }

    @Test
    void lockOutAndThrottlingSurviveARestartOnPostgres() throws Exception {
        lockOutAndThrottlingSurviveARestart(Databases.freshPostgresUrl(), "postgres");
    }

    private void lockOutAndThrottlingSurviveARestart(String url, String user) throws Exception {
        try (ConfigurableApplicationContext first = start(url, user)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String hash = first.getBean(PasswordEncoder.class).encode(AccessFixture.PASSWORD);
            for (String username : new String[] {"rep.locked", "rep.other"}) {
                jdbc.update("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, "
                        + "'sales_rep', ?)", username, username, hash);
            }
            MockMvc mvc = mvc(first);
            for (int attempt = 0; attempt < SignInAttempts.ACCOUNT_LIMIT; attempt++) {
                signIn(mvc, "rep.locked", "guess " + attempt, COLLEAGUE).andExpect(redirectedUrl("/login?error"));
            }
            // thirty failures from one address, spread over names that do not even exist
            for (int attempt = 0; attempt < SignInAttempts.ADDRESS_LIMIT; attempt++) {
                signIn(mvc, "nobody" + attempt, "guess", GUESSER).andExpect(redirectedUrl("/login?error"));
            }
            signIn(mvc, "rep.other", AccessFixture.PASSWORD, GUESSER).andExpect(redirectedUrl("/login?throttled"));
        }

        try (ConfigurableApplicationContext second = start(url, user)) {
            MockMvc mvc = mvc(second);
            signIn(mvc, "rep.locked", AccessFixture.PASSWORD, COLLEAGUE).andExpect(redirectedUrl("/login?locked"));
            signIn(mvc, "rep.other", AccessFixture.PASSWORD, GUESSER).andExpect(redirectedUrl("/login?throttled"));
            // the throttle is per address: a colleague elsewhere still signs in
            signIn(mvc, "rep.other", AccessFixture.PASSWORD, COLLEAGUE).andExpect(redirectedUrl("/"));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.sign_in_failed' "
                    + "AND ip = ? AND detail LIKE 'address throttled%'", Integer.class, GUESSER)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.sign_in_failed' "
                    + "AND actor = 'rep.locked' AND detail = 'account locked'", Integer.class)).isEqualTo(1);
        }
    }

    private static ResultActions signIn(MockMvc mvc, String username, String password, String address)
            throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private static MockMvc mvc(ConfigurableApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
    }

    private static ConfigurableApplicationContext start(String url, String user) {
        return new SpringApplicationBuilder(StrataApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--strata.playbook.delivery.enabled=false");
    }
}
