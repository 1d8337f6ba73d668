package org.strata.server.access;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.strata.server.access.AccessFixture.C1;
import static org.strata.server.access.AccessFixture.C2;

/**
 * Break-in attempts across every endpoint rather than a chosen few: a forged cross-site request against each
 * changing endpoint, stored script in customer, tag, tier and scheme names on every console page, and guessed ids
 * of another person's customers, tasks, deliveries and merges on every kind of id-taking endpoint.
 */
class ConsoleBreakInTest {

    private static final String SCRIPT = "<script>alert(document.cookie)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";
    private static final long NO_SUCH_ID = 987654;

    abstract static class Contract extends CompanyContract {

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping handlers;

        SoftAssertions softly;

        @BeforeEach
        void newAssertions() {
            softly = new SoftAssertions();
        }

        @Test
        void everyChangingEndpointRefusesASessionRequestWithoutTheCsrfToken() throws Exception {
            Set<String> writes = new TreeSet<>();
            handlers.getHandlerMethods().forEach((info, handler) -> {
                if (AccessRules.isStrataHandler(handler)) {
                    info.getMethodsCondition().getMethods().stream()
                            .filter(m -> m.name().matches("POST|PUT|PATCH|DELETE"))
                            .forEach(m -> info.getPatternValues().forEach(p -> writes.add(m.name() + " " + p)));
                }
            });
            softly.assertThat(writes).as("changing endpoints found").hasSizeGreaterThan(30);
            long audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
            for (String write : writes) {
                String method = write.substring(0, write.indexOf(' '));
                // every path variable gets a plausible value: a forged request does not need a real one
                String path = write.substring(method.length() + 1).replaceAll("\\{[^}]+}", "1");
                // an administrator's session may do anything, so a refusal can only come from the missing token
                MvcResult forged = mvc.perform(request(HttpMethod.valueOf(method), path)
                        .with(user(users.find("admin").orElseThrow()))).andReturn();
                softly.assertThat(forged.getResponse().getStatus()).as("%s without the CSRF token", write)
                        .isEqualTo(403);
            }
            softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class))
                    .as("forged requests reached no handler").isEqualTo(audited);
            softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE name = '张伟'", Integer.class))
                    .isEqualTo(2);
            softly.assertAll();
        }

        @Test
        void scriptInCustomerTagTierAndSchemeNamesIsEscapedOnEveryConsolePage() throws Exception {
            expectStatus(call("admin", post("/api/v1/tiering/schemes/import").contentType("application/yaml")
                    .content("""
                            key: xss
                            name: {zh: "%1$s", en: "%1$s"}
                            tiers:
                              - {key: a, name: {zh: "%1$s", en: "%1$s"}, rule: monetary >= 0}
                            default: {key: d, name: {zh: "%2$s", en: "%2$s"}}
                            tags:
                              - {key: vip, name: {zh: "%1$s", en: "%1$s"}}
                            """.formatted(IMAGE, SCRIPT.replace("\"", "\\\"")))), 200);
            expectStatus(call("admin", post("/api/v1/tiering/schemes/xss/publish")), 200);
            expectStatus(call("admin", post("/api/v1/tiering/schemes/xss/runs")), 201);
            expectStatus(call("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .put("/api/v1/tiering/schemes/xss/customers/" + C1 + "/tags/vip")), 204);
            jdbc.update("UPDATE customers SET name = ?, industry = ?, region = ? WHERE id = ?", SCRIPT, IMAGE, SCRIPT,
                    C1);
            for (String page : List.of("/", "/customers", "/customers/" + C1, "/schemes", "/schemes/xss", "/runs",
                    "/quality", "/admin/audit")) {
                MvcResult result = call("admin", get(page));
                String html = body(result);
                softly.assertThat(result.getResponse().getStatus()).as("%s", page).isEqualTo(200);
                softly.assertThat(html).as("%s", page).doesNotContain(SCRIPT).doesNotContain(IMAGE);
            }
            softly.assertThat(body(call("admin", get("/customers")))).as("the list shows the name as text")
                    .contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;");
            softly.assertThat(body(call("admin", get("/customers/" + C1)))).as("the 360 page shows the tag as text")
                    .contains("&lt;img src=x onerror=alert(1)&gt;");
            softly.assertAll();
        }

        @Test
        void guessingTheIdsOfAnotherPersonsRecordsLooksExactlyLikeGuessingIdsThatDoNotExist() throws Exception {
            publishAndRunAbc();
            new PlaybookRows(jdbc).load(jdbc.queryForObject(
                    "SELECT id FROM tiering_schemes WHERE scheme_key = 'value'", Long.class));
            // rep2 sees C2 only; manager.sh sees C1 only (and may manage playbooks)
            record Guess(String who, String hidden, String missing) {
            }
            List<Guess> guesses = List.of(
                    new Guess("rep2", "/api/v1/customers/" + C1, "/api/v1/customers/" + NO_SUCH_ID),
                    new Guess("rep2", "/api/v1/customers/" + C1 + "/timeline",
                            "/api/v1/customers/" + NO_SUCH_ID + "/timeline"),
                    new Guess("rep2", "/api/v1/customers/" + C1 + "/warnings",
                            "/api/v1/customers/" + NO_SUCH_ID + "/warnings"),
                    new Guess("rep2", "/customers/" + C1, "/customers/" + NO_SUCH_ID),
                    new Guess("rep2", "/api/v1/merges/" + AccessFixture.MERGE_C5_INTO_C1, "/api/v1/merges/" + NO_SUCH_ID),
                    new Guess("rep2", "/api/v1/tiering/schemes/value/customers/" + C1,
                            "/api/v1/tiering/schemes/value/customers/" + NO_SUCH_ID),
                    new Guess("rep2", "/api/v1/tasks/" + PlaybookRows.taskOf(C1), "/api/v1/tasks/" + NO_SUCH_ID),
                    new Guess("manager.sh", "/api/v1/deliveries/" + PlaybookRows.deliveryOf(C2),
                            "/api/v1/deliveries/" + NO_SUCH_ID));
            for (Guess guess : guesses) {
                MvcResult hidden = call(guess.who(), get(guess.hidden()));
                MvcResult missing = call(guess.who(), get(guess.missing()));
                softly.assertThat(hidden.getResponse().getStatus()).as("%s guesses %s", guess.who(), guess.hidden())
                        .isEqualTo(404).isEqualTo(missing.getResponse().getStatus());
                if (guess.hidden().startsWith("/api/")) {
                    softly.assertThat(JsonPath.<String>read(body(hidden), "$.title"))
                            .as("%s guesses %s: same problem", guess.who(), guess.hidden())
                            .isEqualTo(JsonPath.read(body(missing), "$.title"));
                    softly.assertThat(foreignTraces(guess.who(), body(hidden))).as("%s", guess.hidden()).isEmpty();
                }
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
