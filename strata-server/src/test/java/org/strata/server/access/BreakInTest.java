package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;
import static org.strata.server.access.AccessFixture.PASSWORD;

/**
 * Attempts to get around access control: no credentials, forged requests (CSRF), stolen, expired and revoked
 * tokens, guessed passwords, fixed sessions, guessed ids, SQL in every text a user controls, stored script.
 */
class BreakInTest {

    abstract static class Contract extends CompanyContract {

        String token(String username) throws Exception {
            MvcResult created = mvc.perform(as(username, post("/api/v1/me/tokens"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"cli\", \"days\": 30}"))
                    .andExpect(status().isCreated()).andReturn();
            return JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        }

        /** The audit log is append-only and shared by every test of the context: count only this test's rows. */
        long auditBefore;

        @BeforeEach
        void markTheAuditLog() {
            auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_log", Long.class);
        }

        long auditCount(String action, String actor) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ? AND id > ?",
                    Long.class, action, actor, auditBefore);
        }

        // ------------------------------------------------------------------ no credentials

        @Test
        void withoutCredentialsTheApiAnswers401AndPagesSendToTheSignInForm() throws Exception {
            mvc.perform(get("/api/v1/customers")).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
            mvc.perform(get("/api/v1/customers/export")).andExpect(status().isUnauthorized());
            mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
            mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
            mvc.perform(get("/login")).andExpect(status().isOk());
            mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        }

        // ------------------------------------------------------------------ CSRF

        @Test
        void aSessionRequestThatChangesSomethingNeedsTheCsrfToken() throws Exception {
            String pin = "{\"customerId\": " + C1 + ", \"tier\": \"a\", \"reason\": \"x\"}";
            mvc.perform(post("/api/v1/customers/" + C1 + "/erasure").with(user(users.find("admin").orElseThrow())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/tiering/schemes/x/pins").with(user(users.find("admin").orElseThrow()))
                    .with(csrf().useInvalidToken()).contentType(MediaType.APPLICATION_JSON).content(pin))
                    .andExpect(status().isForbidden());
            assertThat(jdbc.queryForObject("SELECT name FROM customers WHERE id = ?", String.class, C1))
                    .isEqualTo("张伟");
            // the login form itself is protected too (login CSRF)
            mvc.perform(post("/login").param("username", "rep1").param("password", PASSWORD))
                    .andExpect(status().isForbidden());
        }

        @Test
        void aBearerTokenNeedsNoCsrfTokenBecauseBrowsersNeverSendItByThemselves() throws Exception {
            String token = token("admin");
            mvc.perform(post("/api/v1/tiering/presets/abc/instantiate")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isCreated());
        }

        // ------------------------------------------------------------------ tokens

        @Test
        void aTokenIsShownOnceStoredHashedAndStopsWorkingWhenRevokedOrExpired() throws Exception {
            String token = token("rep1");
            assertThat(token).startsWith("stk_").hasSizeGreaterThan(40);
            assertThat(jdbc.queryForList("SELECT token_hash FROM api_tokens", String.class))
                    .singleElement().isEqualTo(ApiTokens.hash(token)).isNotEqualTo(token);
            mvc.perform(as("rep1", get("/api/v1/me/tokens")))
                    .andExpect(content().string(not(containsString(token))));
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("rep1"))
                    .andExpect(jsonPath("$.scope").value("mine"));
            // a bearer token carries the same scope: rep1's token cannot read rep2's customer
            mvc.perform(get("/api/v1/customers/" + C2).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isNotFound());

            jdbc.update("UPDATE api_tokens SET expires_at = ?", java.sql.Timestamp.from(java.time.Instant.now()
                    .minusSeconds(1)));
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized());

            String second = token("rep1");
            long id = jdbc.queryForObject("SELECT id FROM api_tokens WHERE token_hash = ?", Long.class,
                    ApiTokens.hash(second));
            mvc.perform(as("rep2", delete("/api/v1/me/tokens/" + id))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + second))
                    .andExpect(status().isOk());
            mvc.perform(as("rep1", delete("/api/v1/me/tokens/" + id))).andExpect(status().isNoContent());
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + second))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer stk_guessed"))
                    .andExpect(status().isUnauthorized());
            assertThat(auditCount("token.revoke", "rep1")).isEqualTo(1);
        }

        @Test
        void aTokenOfADisabledUserStopsWorking() throws Exception {
            String token = token("rep1");
            jdbc.update("UPDATE users SET enabled = FALSE WHERE username = 'rep1'");
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }

        // ------------------------------------------------------------------ sign-in

        @Test
        void signingInChangesTheSessionIdSoAFixedSessionIsWorthless() throws Exception {
            MockHttpSession session = new MockHttpSession();
            String before = session.getId();
            MvcResult signIn = mvc.perform(post("/login").param("username", "rep1").param("password", PASSWORD)
                            .with(csrf()).session(session).with(request -> {
                                // the browser presents the fixed id as its session cookie
                                request.setRequestedSessionId(before);
                                return request;
                            }))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
            assertThat(signIn.getRequest().getSession().getId()).isNotEqualTo(before);
            mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.username").value("rep1"));
            assertThat(auditCount("auth.sign_in", "rep1")).isEqualTo(1);
        }

        @Test
        void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
            for (int attempt = 0; attempt < SignInAttempts.ACCOUNT_LIMIT; attempt++) {
                mvc.perform(formLogin("/login").user("rep2").password("guess " + attempt))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin("/login").user("rep2").password(PASSWORD))
                    .andExpect(redirectedUrl("/login?locked"));
            assertThat(auditCount("auth.sign_in_failed", "rep2")).isEqualTo(SignInAttempts.ACCOUNT_LIMIT + 1);
            // an administrator's new password lifts the lock
            mvc.perform(as("admin", post("/api/v1/users/804/password")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"password\": \"another long password\"}")).andExpect(status().isNoContent());
            mvc.perform(formLogin("/login").user("rep2").password("another long password"))
                    .andExpect(redirectedUrl("/"));
        }

        @Test
        void aUserWithoutAPasswordCannotSignIn() throws Exception {
            jdbc.update("INSERT INTO users (username, display_name) VALUES ('owner.only', '只有客户')");
            mvc.perform(formLogin("/login").user("owner.only").password("")).andExpect(redirectedUrl("/login?error"));
        }

        // ------------------------------------------------------------------ guessing ids

        @Test
        void anOutOfScopeIdAnswersExactlyAsAnIdThatDoesNotExist() throws Exception {
            MvcResult hidden = mvc.perform(as("rep1", get("/api/v1/customers/" + C2))).andReturn();
            MvcResult missing = mvc.perform(as("rep1", get("/api/v1/customers/987654"))).andReturn();
            assertThat(hidden.getResponse().getStatus()).isEqualTo(missing.getResponse().getStatus()).isEqualTo(404);
            assertThat(JsonPath.<String>read(hidden.getResponse().getContentAsString(), "$.title"))
                    .isEqualTo(JsonPath.read(missing.getResponse().getContentAsString(), "$.title"));
            mvc.perform(as("rep1", post("/api/v1/merges/" + AccessFixture.MERGE_C5_INTO_C1 + "/undo")))
                    .andExpect(status().isForbidden()); // sales reps may not unmerge at all
            mvc.perform(as("head.east", post("/api/v1/merges/987654/undo"))).andExpect(status().isNotFound());
        }

        @Test
        void anImportIsVisibleToItsStarterAndToThoseWhoSeeEverything() throws Exception {
            jdbc.update("INSERT INTO import_jobs (id, kind, source, status, started_by) "
                    + "VALUES (777, 'customers', 'crm', 'succeeded', 'manager.sh')");
            mvc.perform(as("manager.sh", get("/api/v1/imports/777"))).andExpect(status().isOk());
            mvc.perform(as("head.east", get("/api/v1/imports/777"))).andExpect(status().isNotFound());
            mvc.perform(as("head.east", get("/api/v1/imports/777/errors"))).andExpect(status().isNotFound());
            mvc.perform(as("admin", get("/api/v1/imports/777"))).andExpect(status().isOk());
            mvc.perform(as("rep1", get("/api/v1/imports/777"))).andExpect(status().isForbidden());
        }

        // ------------------------------------------------------------------ SQL injection

        @Test
        void sqlInFiltersSortSearchRuleTextAndAuditFiltersIsOnlyEverData() throws Exception {
            mvc.perform(as("rep1", get("/api/v1/customers").param("sort", "name; DROP TABLE customers")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("sort")));
            mvc.perform(as("rep1", get("/api/v1/customers").param("sort", "(SELECT 1),name")))
                    .andExpect(status().isBadRequest());
            for (String attack : new String[] {"' OR '1'='1", "%' OR 1=1 --", "') UNION SELECT id FROM customers --",
                    "1) OR (1=1"}) {
                mvc.perform(as("rep1", get("/api/v1/customers").param("q", attack).param("includeTotal", "true")))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
                mvc.perform(as("rep1", get("/api/v1/customers").param("industry", attack)
                        .param("region", attack).param("includeTotal", "true")))
                        .andExpect(jsonPath("$.total").value(0));
                mvc.perform(as("admin", get("/api/v1/audit").param("actor", attack).param("action", attack)))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
            }
            mvc.perform(as("rep1", post("/api/v1/tiering/preview/rule")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rule\": \"monetary >= 0'; DELETE FROM customers; --\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
            mvc.perform(as("rep1", post("/api/v1/tiering/preview/rule")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rule\": \"monetary >= 0 or 1 = 1\"}"))
                    .andExpect(jsonPath("$.matching").value(org.hamcrest.Matchers.lessThanOrEqualTo(2)));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Integer.class)).isEqualTo(5);
        }

        // ------------------------------------------------------------------ stored script

        @Test
        void scriptInNamesTagsAndSchemesIsServedAsJsonNeverAsHtml() throws Exception {
            String script = "<script>alert(document.cookie)</script>";
            jdbc.update("UPDATE customers SET name = ?, industry = ? WHERE id = ?", script, script, C1);
            for (MediaType accept : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML,
                    MediaType.ALL}) {
                MvcResult result = mvc.perform(as("admin", get("/api/v1/customers/" + C1)).accept(accept)).andReturn();
                String type = String.valueOf(result.getResponse().getContentType());
                assertThat(type).as("served for Accept %s", accept).doesNotContain("html");
                assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            }
            mvc.perform(as("admin", post("/api/v1/tiering/presets/abc/instantiate"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"xss\"}"))
                    .andExpect(status().isCreated());
            jdbc.update("UPDATE tiering_schemes SET name_zh = ? WHERE scheme_key = 'xss'", script);
            mvc.perform(as("admin", get("/api/v1/tiering/schemes/xss")).accept(MediaType.TEXT_HTML))
                    .andExpect(result -> assertThat(String.valueOf(result.getResponse().getContentType()))
                            .doesNotContain("html"));
            String csv = mvc.perform(as("admin", get("/api/v1/customers/export"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains(script);
            assertThat(mvc.perform(get("/login").param("error", script)).andReturn().getResponse()
                    .getContentAsString()).doesNotContain("<script>");
        }

        @Test
        void exportedCellsThatExcelWouldRunAsFormulasAreNeutralised() throws Exception {
            jdbc.update("UPDATE customers SET name = '=HYPERLINK(\"http://evil\")' WHERE id = ?", C1);
            String csv = mvc.perform(as("admin", get("/api/v1/customers/export"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        }

        // ------------------------------------------------------------------ personal data

        @Test
        void personalDataIsMaskedForRolesWithoutThePermissionEverywhere() throws Exception {
            mvc.perform(as("analyst", get("/api/v1/customers/" + C1)))
                    .andExpect(jsonPath("$.name").value("张*"))
                    .andExpect(jsonPath("$.phone").value("138****1234"))
                    .andExpect(jsonPath("$.email").value("z***@example.com"))
                    .andExpect(jsonPath("$.identifiers[?(@.kind == 'phone')].value").value("138****1234"))
                    .andExpect(jsonPath("$.merges[0].keyValue").value("138****1234"))
                    .andExpect(content().string(not(containsString("13812341234"))));
            mvc.perform(as("analyst", get("/api/v1/customers").param("q", "张伟")))
                    .andExpect(jsonPath("$.items[0].phone").value("138****1234"));
            String csv = mvc.perform(as("analyst", get("/api/v1/customers/export"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("138****1234").doesNotContain("13812341234").doesNotContain("zhang.wei@");
            mvc.perform(as("analyst", get("/api/v1/merges/" + AccessFixture.MERGE_C5_INTO_C1)))
                    .andExpect(jsonPath("$.keyValue").value("138****1234"));
            mvc.perform(as("manager.sh", get("/api/v1/customers/" + C1)))
                    .andExpect(jsonPath("$.phone").value("+8613812341234"))
                    .andExpect(jsonPath("$.name").value("张伟"));
        }

        @Test
        void anErasureRemovesPersonalDataEverywhereButKeepsTheFiguresAndIsAudited() throws Exception {
            jdbc.update("INSERT INTO import_jobs (id, kind, source, status) VALUES (778, 'orders', 'crm', 'succeeded')");
            jdbc.update("INSERT INTO import_errors (job_id, line_no, raw_value, reason) VALUES "
                    + "(778, 2, '13812341234', 'bad date'), (778, 3, '13900001111', 'bad date')");
            jdbc.update("UPDATE customer_figures SET order_count = 1, total_spent = 1000 WHERE customer_id = ?", C1);
            mvc.perform(as("manager.sh", post("/api/v1/customers/" + C1 + "/erasure")))
                    .andExpect(status().isForbidden());
            mvc.perform(as("admin", post("/api/v1/customers/" + C2 + 1000 + "/erasure")))
                    .andExpect(status().isNotFound());
            mvc.perform(as("admin", post("/api/v1/customers/" + C1 + "/erasure"))).andExpect(status().isOk());

            assertThat(jdbc.queryForMap("SELECT name, phone, email FROM customers WHERE id = ?", C1).values())
                    .containsOnlyNulls();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE id IN (?, ?) AND phone IS NULL "
                    + "AND erased_at IS NOT NULL", Integer.class, C1, AccessFixture.C5)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_identifiers WHERE customer_id = ?",
                    Integer.class, C1)).isZero();
            assertThat(jdbc.queryForObject("SELECT key_value FROM identity_merges WHERE id = ?", String.class,
                    AccessFixture.MERGE_C5_INTO_C1)).isEqualTo("[erased]");
            assertThat(jdbc.queryForList("SELECT properties FROM events WHERE customer_id = ?", String.class, C1))
                    .containsOnlyNulls();
            assertThat(jdbc.queryForList("SELECT raw_value FROM import_errors ORDER BY line_no", String.class))
                    .containsExactly("[erased]", "13900001111");
            // anonymous figures stay: orders and their amounts, the customer's statistics
            assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM orders WHERE customer_id IN (?, ?)",
                    java.math.BigDecimal.class, C1, AccessFixture.C5)).isEqualByComparingTo("6000");
            assertThat(jdbc.queryForObject("SELECT order_count FROM customer_figures WHERE customer_id = ?",
                    Integer.class, C1))
                    .isEqualTo(1);
            assertThat(auditCount("customer.erase", "admin")).isEqualTo(1);
        }

        // ------------------------------------------------------------------ audit

        @Test
        void publishesRunsPinsAndUserChangesAreAuditedAndOnlyAdminsReadTheLog() throws Exception {
            mvc.perform(as("head.east", post("/api/v1/tiering/presets/abc/instantiate"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"audited\"}"));
            mvc.perform(as("head.east", post("/api/v1/tiering/schemes/audited/publish")).with(request -> {
                request.setRemoteAddr("10.1.2.3");
                return request;
            })).andExpect(status().isOk());
            mvc.perform(as("head.east", post("/api/v1/tiering/schemes/audited/runs"))).andExpect(status().isCreated());
            mvc.perform(as("rep1", post("/api/v1/tiering/schemes/audited/pins")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"customerId\": " + C1 + ", \"tier\": \"a\", \"reason\": \"大客户\"}"))
                    .andExpect(status().isCreated());
            mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/v1/users/807")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"role\": \"analyst\", \"scope\": \"all\"}")).andExpect(status().isOk());

            assertThat(jdbc.queryForMap("SELECT actor, target, outcome, ip FROM audit_log WHERE action = "
                    + "'scheme.publish' AND actor = 'head.east' AND id > ?", auditBefore)).containsEntry("ip", "10.1.2.3")
                    .containsEntry("outcome", "success")
                    .containsEntry("target", "/api/v1/tiering/schemes/audited/publish");
            assertThat(auditCount("tiering.run", "head.east")).isEqualTo(1);
            assertThat(auditCount("tiering.pin", "rep1")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'user.update' AND actor = "
                    + "'admin' ORDER BY id DESC LIMIT 1", String.class)).contains("viewer -> analyst");

            mvc.perform(as("admin", get("/api/v1/audit").param("action", "scheme").param("actor", "head.east")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].action").value("scheme.publish"));
            String csv = mvc.perform(as("admin", get("/api/v1/audit/export").param("actor", "rep1")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("tiering.pin");
            assertThat(auditCount("export.audit", "admin")).isEqualTo(1);
            mvc.perform(as("head.east", get("/api/v1/audit"))).andExpect(status().isForbidden());
            mvc.perform(as("head.east", get("/api/v1/users"))).andExpect(status().isForbidden());
        }

        @Test
        void theAuditPageEscapesWhatUsersTypedAndIsForAdminsOnly() throws Exception {
            mvc.perform(post("/login").param("username", "<script>alert(1)</script>").param("password", "x")
                    .with(csrf()));
            String page = mvc.perform(as("admin", get("/admin/audit").param("action", "auth")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
            mvc.perform(as("head.east", get("/admin/audit"))).andExpect(status().isForbidden());
        }

        @Test
        void narrowingARolesScopeTakesEffectAtOnceForItsUsersWithoutAScopeOfTheirOwn() throws Exception {
            mvc.perform(as("viewer.bj", get("/api/v1/customers").param("includeTotal", "true")))
                    .andExpect(jsonPath("$.total").value(2));
            mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/v1/roles/viewer/scope")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"scope\": \"mine\"}")).andExpect(jsonPath("$.scope").value("mine"));
            mvc.perform(as("viewer.bj", get("/api/v1/customers").param("includeTotal", "true")))
                    .andExpect(jsonPath("$.total").value(0));
            mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/v1/roles/viewer/scope")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"scope\": \"everything\"}")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("mine, team, department or all")));
            assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'role.scope' "
                    + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("team -> mine");
        }

        @Test
        void aRoleWithoutThePermissionIsRefusedWith403AndTheAttemptIsAudited() throws Exception {
            mvc.perform(as("viewer.bj", post("/api/v1/tiering/presets/abc/instantiate"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"nope\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail", containsString("edit_schemes")));
            assertThat(jdbc.queryForObject("SELECT outcome FROM audit_log WHERE actor = 'viewer.bj' AND action = "
                    + "'scheme.create' AND id > ?", String.class, auditBefore)).isEqualTo("denied");
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {

        @Test
        void theDatabaseItselfRefusesToRewriteTheAuditLog() {
            jdbc.update("INSERT INTO audit_log (occurred_at, actor, action, outcome) "
                    + "VALUES (CURRENT_TIMESTAMP, 'x', 'test', 'success')");
            assertThatThrownBy(() -> jdbc.update("UPDATE audit_log SET actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log")).hasMessageContaining("append-only");
        }
    }
}
