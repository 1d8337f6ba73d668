package org.strata.server.playbook;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tier changes become webhook calls to real receivers on 127.0.0.1: recorded in the run's transaction, retried with
 * back-off, delivered once per idempotency key with a signature the receiver verifies, parked and replayed.
 */
class DeliveryTest {

    static final String SECRET = "s3cr3t-密钥";
    static final Duration WAIT = Duration.ofSeconds(60);

    abstract static class Contract extends PlaybookContract {

        PlaybookFixture fixture;

        @BeforeEach
        void reset() throws Exception {
            fixture = newFixture();
            fixture.reset();
            fixture.customers(1, 40);
            fixture.orders(1, 40, 10, Duration.ofDays(3));
            fixture.publishScheme();
            fixture.run();
        }

        int delivered() {
            return fixture.count("SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'delivered'");
        }

        @Test
        void aReceiverThatFailsItsFirstCallsGetsEveryDeliveryOnceAfterRetries() throws Exception {
            try (Receiver receiver = Receiver.webhook(SECRET, 7)) {
                fixture.webhookOnVip(receiver.url(), SECRET, 0);
                fixture.orders(1, 20, 5_000, Duration.ofDays(1));
                assertThat(fixture.run().get("moved").asInt()).isEqualTo(20);

                await().atMost(WAIT).until(() -> delivered() == 20);
                assertThat(receiver.acceptedKeys()).isEqualTo(20);
                assertThat(receiver.duplicates()).isZero();
                assertThat(receiver.badSignatures()).isEmpty();
                assertThat(receiver.calls()).isEqualTo(27);
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_delivery_attempts WHERE succeeded = FALSE"))
                        .isEqualTo(7);
            }
        }

        @Test
        void aReceiverThatIsDownForAWhileGetsEverythingOnceItIsBack() throws Exception {
            try (Receiver receiver = Receiver.webhook(SECRET, 0)) {
                receiver.goDown();
                fixture.webhookOnVip(receiver.url(), SECRET, 0);
                fixture.orders(1, 10, 5_000, Duration.ofDays(1));
                fixture.run();

                await().atMost(WAIT).until(() -> fixture.count(
                        "SELECT COUNT(*) FROM playbook_deliveries WHERE attempts >= 3") == 10);
                assertThat(delivered()).isZero();
                receiver.comeBack();

                await().atMost(WAIT).until(() -> delivered() == 10);
                assertThat(receiver.acceptedKeys()).isEqualTo(10);
                assertThat(receiver.duplicates()).isZero();
            }
        }

        @Test
        void theSameTierChangeIsRecordedInTheRunThatMadeItAndNeverTwice() throws Exception {
            try (Receiver receiver = Receiver.webhook(SECRET, 0)) {
                long playbook = fixture.webhookOnVip(receiver.url(), SECRET, 0);
                fixture.orders(1, 5, 5_000, Duration.ofDays(1));
                long run = fixture.run().get("id").asLong();
                fixture.run();

                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_entries e JOIN tiering_ledger l "
                        + "ON CAST(l.id AS VARCHAR(40)) = e.source_ref WHERE e.playbook_id = ? AND l.run_id = ?",
                        playbook, run)).isEqualTo(5);
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_deliveries")).isEqualTo(5);
                await().atMost(WAIT).until(() -> delivered() == 5);
            }
        }

        @Test
        void aWrongSignatureIsRefusedByTheReceiverParkedAsADeadLetterAndReplayedOnceFixed() throws Exception {
            try (Receiver receiver = Receiver.webhook(SECRET, 0)) {
                long playbook = fixture.webhookOnVip(receiver.url(), "not-the-secret", 0);
                fixture.orders(1, 3, 5_000, Duration.ofDays(1));
                fixture.run();

                await().atMost(WAIT).until(() -> fixture.count(
                        "SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'dead'") == 3);
                assertThat(receiver.badSignatures()).hasSize(3);
                assertThat(receiver.acceptedKeys()).isZero();
                mvc.perform(get("/api/v1/deliveries/dead-letters"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.length()").value(3))
                        .andExpect(jsonPath("$[0].statusZh").value("死信"))
                        .andExpect(jsonPath("$[0].lastStatus").value(401));

                // the admin fixes the secret on the action the dead letters belong to, then replays them
                jdbc.update("UPDATE playbook_actions SET config = REPLACE(config, 'not-the-secret', ?) "
                        + "WHERE playbook_id = ?", SECRET, playbook);
                mvc.perform(post("/api/v1/deliveries/dead-letters/replay"))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(3));

                await().atMost(WAIT).until(() -> delivered() == 3);
                assertThat(receiver.acceptedKeys()).isEqualTo(3);
            }
        }

        @Test
        void heldOutEntrantsAreRecordedForTheExperimentButGetNoAction() throws Exception {
            try (Receiver receiver = Receiver.webhook(SECRET, 0)) {
                long playbook = fixture.webhookOnVip(receiver.url(), SECRET, 30);
                fixture.orders(1, 40, 5_000, Duration.ofDays(1));
                fixture.run();

                long expectedHeldOut = java.util.stream.LongStream.rangeClosed(1, 40)
                        .filter(c -> Holdout.heldOut(c, playbook, 30)).count();
                assertThat(expectedHeldOut).isBetween(3L, 25L);
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_entries WHERE held_out = TRUE"))
                        .isEqualTo((int) expectedHeldOut);
                await().atMost(WAIT).until(() -> delivered() == 40 - expectedHeldOut);
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_deliveries d JOIN playbook_entries e "
                        + "ON e.id = d.entry_id WHERE e.held_out = TRUE")).isZero();
            }
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
