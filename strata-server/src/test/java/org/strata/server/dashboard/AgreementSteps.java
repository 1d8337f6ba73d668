package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Steps the agreement tests take through the API, and waiting for the live runs a change sets off. */
record AgreementSteps(MockMvc mvc, JdbcTemplate jdbc) {

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
