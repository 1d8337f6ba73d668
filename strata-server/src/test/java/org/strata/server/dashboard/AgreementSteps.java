package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Steps the agreement tests take through the API, and waiting for the live runs a change sets off. */
record AgreementSteps(MockMvc mvc, JdbcTemplate jdbc) {

    /** A customer its source knows by its own id, so an import finds it. */
    record KnownCustomer(long id, String source, String externalId) {
    }

    /** Publishes the retail and lifecycle presets and runs them: retail twice, lifecycle once. */
    void publishAndRunThePresets() throws Exception {
        for (String scheme : List.of("retail", "lifecycle")) {
            call(post("/api/v1/tiering/presets/" + scheme + "/instantiate"), "{}");
            call(post("/api/v1/tiering/schemes/" + scheme + "/publish"), "{}");
        }
        call(post("/api/v1/tiering/schemes/retail/runs"), "{\"asOf\":\"2026-03-31\"}");
        call(post("/api/v1/tiering/schemes/lifecycle/runs"), "{\"asOf\":\"2026-03-31\"}");
        call(post("/api/v1/tiering/schemes/retail/runs"), "{\"asOf\":\"2026-06-30\"}");
    }

    /** The first surviving customer with an owner and an id of its source. */
    KnownCustomer knownCustomer() {
        return knownCustomer("c.id");
    }

    /** The last such customer (the highest id). */
    KnownCustomer lastKnownCustomer() {
        return knownCustomer("c.id DESC");
    }

    private KnownCustomer knownCustomer(String order) {
        Map<String, Object> known = jdbc.queryForMap("SELECT c.id, i.namespace, i.id_value FROM customers c"
                + " JOIN customer_identifiers i ON i.customer_id = c.id AND i.kind = 'external_id'"
                + " WHERE c.merged_into IS NULL AND c.owner_id IS NOT NULL ORDER BY " + order + " LIMIT 1");
        return new KnownCustomer(((Number) known.get("id")).longValue(), (String) known.get("namespace"),
                (String) known.get("id_value"));
    }

    /** The user name of an owner other than the customer's. */
    String anotherOwnerThan(long customerId) {
        long otherOwner = jdbc.queryForObject("SELECT MAX(owner_id) FROM customers WHERE owner_id <> ("
                + "SELECT owner_id FROM customers WHERE id = ?)", Long.class, customerId);
        return jdbc.queryForObject("SELECT username FROM users WHERE id = ?", String.class, otherOwner);
    }

    /** Sends a change that sets off a live run of each of the two schemes, and waits for them. */
    void callAndAwaitLiveRuns(MockHttpServletRequestBuilder request, String body) throws Exception {
        long before = liveRuns();
        call(request, body);
        awaitLiveRuns(before + 2);
    }

    /** Sends the JSON body and expects success. */
    void call(MockHttpServletRequestBuilder request, String body) throws Exception {
        mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(result -> assertThat(result.getResponse().getStatus())
                        .as(result.getResponse().getContentAsString()).isLessThan(300));
    }

    long liveRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tiering_runs WHERE run_trigger = 'live'"
                + " AND status <> 'running'", Long.class);
    }

    void awaitLiveRuns(long count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (liveRuns() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(liveRuns()).as("live runs").isGreaterThanOrEqualTo(count);
    }
}
