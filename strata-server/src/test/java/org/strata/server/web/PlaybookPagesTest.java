package org.strata.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.SignedInUser;
import org.strata.server.testsupport.SignedInAsFactory;
import org.strata.server.playbook.PlaybookFixture;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.SignedInAs;

/**
 * The playbook, task and SLA pages render in both languages, escape what people typed (names with markup and
 * emoji), and show the buttons a person's permissions allow: editing for MANAGE_PLAYBOOKS, completing for WORK_TASKS.
 */
@H2Database
@AutoConfigureMockMvc
@SignedInAs
class PlaybookPagesTest {

    static final String MARKUP = "<script>alert(1)</script> 关怀😀";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; 关怀😀";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    long playbook;

    @BeforeEach
    void company() throws Exception {
        // the company is set up by an administrator, whoever the test then signs in as
        SecurityContext caller = TestSecurityContextHolder.getContext();
        TestSecurityContextHolder.setContext(SignedInAsFactory.context(new SignedInUser(-1, "setup", "setup",
                Role.ADMIN, DataScope.ALL, null, "{noop}unused", true, null)));
        try {
            setUp();
        } finally {
            TestSecurityContextHolder.setContext(caller);
        }
    }

    private void setUp() throws Exception {
        // this context is shared with other classes: clear what their customers may have left that points at them
        for (String table : List.of("api_tokens", "order_lines", "identity_merge_blocks", "identity_merges",
                "customer_identifiers")) {
            jdbc.update("DELETE FROM " + table);
        }
        PlaybookFixture fixture = new PlaybookFixture(context, mvc);
        fixture.reset();
        jdbc.update("INSERT INTO teams (id, code, name) VALUES (10, 'east', '华东销售部')");
        jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (1, 'li', '李娜', 10)");
        jdbc.update("INSERT INTO users (id, username, display_name, team_id) VALUES (2, 'zhao', '赵磊', 10)");
        fixture.customers(1, 3);
        jdbc.update("UPDATE customers SET name = ?, type = 'company', owner_id = 1, team_id = 10 WHERE id = 1", MARKUP);
        jdbc.update("UPDATE customers SET owner_id = 2, team_id = 10 WHERE id = 2");
        fixture.orders(1, 3, 5_000, Duration.ofDays(3));
        fixture.publishScheme();
        playbook = fixture.createPlaybook("""
                {"nameZh": "%s", "nameEn": "Care %s",
                 "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                 "filter": "frequency >= 1", "holdoutPercent": 10,
                 "actions": [{"kind": "task", "settings": {"title": "首次拜访 %s", "dueInHours": 48}},
                             {"kind": "webhook", "settings": {"url": "http://127.0.0.1:1/hook", "secret": "s3cret"}}]}
                """.formatted(MARKUP, MARKUP, MARKUP));
        task(101, 1, 1, "首次拜访 " + MARKUP, Instant.now().plus(Duration.ofDays(1)));
        task(102, 2, 2, "回访", Instant.now().minus(Duration.ofDays(1)));
    }

    void task(long id, long customer, long owner, String title, Instant due) {
        jdbc.update("INSERT INTO playbook_tasks (id, customer_id, owner_id, team_id, kind, title, priority, due_at, "
                + "status, created_at) VALUES (?, ?, ?, 10, 'task', ?, 'high', ?, 'open', ?)", id, customer, owner,
                title, Timestamp.from(due), Timestamp.from(Instant.now()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/playbooks", "/playbooks/new", "/playbooks/{id}", "/tasks?view=all", "/sla"})
    void everyPageRendersInChineseAndInEnglishAndEscapesNames(String path) throws Exception {
        String url = path.replace("{id}", Long.toString(playbook));
        String chinese = page(url, "zh-CN");
        String english = page(url, "en");
        assertThat(chinese).contains("<html lang=\"zh-CN\"", "剧本", "任务").doesNotContain("??")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(english).contains("<html lang=\"en\"", "Playbooks", "Tasks").doesNotContain("??")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theListShowsTriggerActionsHoldoutAndTheEscapedName() throws Exception {
        String html = page("/playbooks", "en");
        assertThat(html).contains("Care " + ESCAPED, "Entered a tier", "Playbook test › VIP", "Create a task",
                "Call a webhook", "10%", "Never", "id=\"new-playbook\"", "delete-playbook");
    }

    @Test
    void theEditorsDataBlockKeepsMarkupInsideItsStringsAndNeverShowsTheSecret() throws Exception {
        String html = page("/playbooks/" + playbook, "zh-CN");
        assertThat(html).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e 关怀😀", "\"******\"")
                .doesNotContain("s3cret").contains("id=\"save-playbook\"");
    }

    @Test
    void anUnknownOrDeletedPlaybookIsNotFoundAndLeavesTheList() throws Exception {
        mvc.perform(get("/playbooks/987654")).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/playbooks/" + playbook)).andExpect(status().isNoContent());
        mvc.perform(get("/playbooks/" + playbook)).andExpect(status().isNotFound());
        assertThat(page("/playbooks", "en")).doesNotContain("Care ").contains("id=\"playbooks-empty\"");
    }

    @Test
    @SignedInAs(value = Role.VIEWER, userId = 1, teamId = 10)
    void aViewerReadsPlaybooksButCannotEditThemOrCompleteTasks() throws Exception {
        String list = page("/playbooks", "en");
        assertThat(list).contains("Care " + ESCAPED).doesNotContain("id=\"new-playbook\"", "delete-playbook");
        mvc.perform(get("/playbooks/new")).andExpect(status().isForbidden());
        String editor = page("/playbooks/" + playbook, "en");
        assertThat(editor).contains("disabled").doesNotContain("id=\"save-playbook\"");
        assertThat(page("/tasks?view=team", "en")).contains("首次拜访").doesNotContain("complete-task");
        assertThat(page("/sla", "en")).doesNotContain("id=\"sla-form\"");
    }

    @Test
    @SignedInAs(value = Role.SALES_REP, userId = 1, teamId = 10)
    void mineShowsTheCallersOwnTasksWithTheCompleteButton() throws Exception {
        String mine = page("/tasks", "zh-CN");
        assertThat(mine).contains("首次拜访 " + ESCAPED, "complete-task", "href=\"/customers/1\"")
                .doesNotContain("回访");
    }

    @Test
    @SignedInAs(value = Role.MANAGER, userId = 2, teamId = 10)
    void theTeamViewFiltersByStateOwnerAndDueDay() throws Exception {
        assertThat(page("/tasks?view=team", "en")).contains("首次拜访", "回访");
        assertThat(page("/tasks?view=team&state=overdue", "en")).contains("回访").doesNotContain("首次拜访");
        assertThat(page("/tasks?view=team&owner=1", "en")).contains("首次拜访").doesNotContain("回访");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(page("/tasks?view=team&dueBy=" + today, "en")).contains("回访").doesNotContain("首次拜访");
    }

    @Test
    @SignedInAs(value = Role.MANAGER, userId = 3)
    void someoneWithoutATeamIsToldSoInTheTeamView() throws Exception {
        assertThat(page("/tasks?view=team", "en")).contains("You are not in a team").doesNotContain("task-table");
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).cookie(new Cookie(LocaleConfiguration.COOKIE, language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
