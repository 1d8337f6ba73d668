package org.strata.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A playbook's filter may read every feature the scheme editor offers, model columns too (RFM scores and segment,
 * lifecycle stage ...), which rank customers against everyone: the entrants it lets through are exactly the ones the
 * scheme editor's preview of the same rule matches.
 */
class PlaybookFilterTest {

    abstract static class Contract extends PlaybookContract {

        PlaybookFixture fixture;

        @BeforeEach
        void company() throws Exception {
            fixture = newFixture();
            fixture.reset();
            fixture.customers(1, 60);
            fixture.publishScheme();
            fixture.run();
        }

        @AfterEach
        void clean() {
            fixture.reset();
        }

        @ParameterizedTest
        @ValueSource(strings = {"r_score >= 4", "lifecycle_stage = 'active' or rfm_segment = 'champions'",
                "m_score >= 3 and frequency >= 2"})
        void aFilterOverModelColumnsLetsThroughExactlyWhatTheSchemeEditorsPreviewMatches(String filter)
                throws Exception {
            // 30 customers enter vip, bought recently or long ago, once or often: the models tell them apart
            fixture.orders(1, 10, 3_000, Duration.ofDays(2));
            fixture.orders(1, 10, 500, Duration.ofDays(40));
            fixture.orders(11, 10, 2_000, Duration.ofDays(100));
            fixture.orders(21, 10, 1_200, Duration.ofDays(300));
            fixture.orders(31, 30, 50, Duration.ofDays(20));
            Set<Long> previewed = preview(filter);
            long playbook = fixture.createPlaybook("""
                    {"nameZh": "筛选", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "filter": "%s",
                     "actions": [{"kind": "task", "settings": {"title": "回访"}}]}
                    """.formatted(filter));

            assertThat(fixture.run().get("moved").asInt()).isEqualTo(30);

            Set<Long> passed = new TreeSet<>(jdbc.queryForList("SELECT customer_id FROM playbook_entries "
                    + "WHERE playbook_id = ? AND filtered = FALSE", Long.class, playbook));
            Set<Long> entrants = new TreeSet<>(jdbc.queryForList("SELECT customer_id FROM playbook_entries "
                    + "WHERE playbook_id = ?", Long.class, playbook));
            Set<Long> expected = new TreeSet<>(entrants);
            expected.retainAll(previewed);
            assertThat(entrants).hasSize(30);
            assertThat(passed).isEqualTo(expected);
            // the rule splits the entrants, so the test would notice a filter that lets everyone or no one through
            assertThat(passed).isNotEmpty().hasSizeLessThan(30);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM playbook_deliveries WHERE playbook_id = ?",
                    Integer.class, playbook)).isEqualTo(passed.size());
            // the tasks are created by the delivery worker; let it finish before the next test clears the tables
            await().atMost(DeliveryTest.WAIT).until(() -> fixture.count("SELECT COUNT(*) FROM playbook_tasks")
                    == passed.size() && fixture.count("SELECT COUNT(*) FROM playbook_deliveries WHERE status = "
                    + "'pending'") == 0);
        }

        /** The customers the scheme editor's live preview says the rule matches now. */
        private Set<Long> preview(String rule) throws Exception {
            String body = new ObjectMapper().writeValueAsString(java.util.Map.of("rule", rule, "sampleSize", 100));
            String answer = mvc.perform(post("/api/v1/tiering/preview/rule").contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode preview = new ObjectMapper().readTree(answer);
            assertThat(preview.get("valid").asBoolean()).as(answer).isTrue();
            Set<Long> ids = new HashSet<>();
            preview.get("sample").forEach(c -> ids.add(c.get("customerId").asLong()));
            assertThat(ids).hasSize(preview.get("matching").asInt());
            return ids;
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
