package org.strata.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.H2Database;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@H2Database
@AutoConfigureMockMvc
class DemoAccountsTest {

    @Autowired
    DemoAccounts demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRoleGetsASignInWhosePrintedPasswordWorksUntilTheNextDemoStart() throws Exception {
        jdbc.update("DELETE FROM api_tokens");
        jdbc.update("UPDATE customers SET owner_id = NULL");
        jdbc.update("DELETE FROM users WHERE username IN ('admin', 'huang.lei', 'analyst', 'zhang.wei', 'li.na')");
        List<DemoAccounts.Credentials> first = demo.createWithNewPasswords();
        assertThat(first).extracting(DemoAccounts.Credentials::role)
                .containsExactly("admin", "manager", "analyst", "sales_rep", "viewer");
        assertThat(first).allSatisfy(c -> assertThat(c.password()).hasSize(16));
        for (DemoAccounts.Credentials account : first) {
            mvc.perform(formLogin("/login").user(account.username()).password(account.password()))
                    .andExpect(redirectedUrl("/"));
        }
        List<DemoAccounts.Credentials> second = demo.createWithNewPasswords();
        assertThat(second.get(0).password()).isNotEqualTo(first.get(0).password());
        mvc.perform(formLogin("/login").user("admin").password(first.get(0).password()))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = 'admin'", Integer.class))
                .isEqualTo(1);
    }
}
