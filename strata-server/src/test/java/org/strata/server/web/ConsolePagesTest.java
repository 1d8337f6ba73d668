package org.strata.server.web;

import org.strata.server.testsupport.CustomerData;
import org.strata.server.testsupport.SignedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.strata.server.testsupport.H2Database;

/** Every console page renders in both languages, even with nothing imported yet, and escapes what people typed. */
@H2Database
@AutoConfigureMockMvc
@SignedInAs
class ConsolePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/customers", "/schemes", "/schemes/anything", "/imports", "/runs", "/quality",
            "/deliveries", "/deliveries/dead-letters", "/warnings", "/experiments"})
    void everyPageRendersInChineseAndInEnglish(String path) throws Exception {
        String chinese = page(path, "zh-CN");
        String english = page(path, "en");
        assertThat(chinese).contains("<html lang=\"zh-CN\"", "仪表盘", "/assets/console.js").doesNotContain("??");
        assertThat(english).contains("<html lang=\"en\"", "Dashboard").doesNotContain("??");
    }

    @Test
    void aCustomerNamedWithMarkupAndEmojiIsEscaped() throws Exception {
        // an explicit id: fixtures of other classes in the shared context insert ids the identity does not know of
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1000 FROM customers", Long.class);
        jdbc.update("INSERT INTO customers (id, external_id, name, type, source) VALUES (?, 'XSS-1', ?, 'person', 'test')",
                id, "<script>alert(1)</script> 李雷😀");
        CustomerData.zeroFigures(jdbc, id);
        try {
            String list = page("/customers?q=XSS-1", "zh-CN");
            String detail = page("/customers/" + id, "zh-CN");
            for (String html : new String[] {list, detail}) {
                assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; 李雷😀")
                        .doesNotContain("<script>alert(1)</script>");
            }
        } finally {
            jdbc.update("DELETE FROM customer_figures WHERE customer_id = ?", id);
            jdbc.update("DELETE FROM customers WHERE id = ?", id);
        }
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceAndGoesBackToThePage() throws Exception {
        mvc.perform(get("/language?lang=en").header("Referer", "http://localhost/customers?region=x&lang=zh-CN"))
                .andExpect(redirectedUrl("/customers?region=x"))
                .andExpect(cookie().value(LocaleConfiguration.COOKIE, "en"));
        // only the path of the page is kept: the switch never sends anyone to another site
        mvc.perform(get("/language?lang=en").header("Referer", "https://evil.example/x"))
                .andExpect(redirectedUrl("/x"));
        mvc.perform(get("/language?lang=en").header("Referer", "//evil.example/x"))
                .andExpect(redirectedUrl("/x"));
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        mvc.perform(get("/customers/987654321")).andExpect(status().isNotFound());
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).cookie(new Cookie(LocaleConfiguration.COOKIE, language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
