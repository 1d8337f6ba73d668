package org.strata.server.playbook;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A burst of 10,000 tier changes in one run becomes exactly 10,000 deliveries, one per idempotency key. */
class DeliveryBurstTest {

    static final int CUSTOMERS = 10_000;

    abstract static class Contract extends PlaybookContract {


        @Test
        void tenThousandTierChangesBecomeTenThousandDeliveriesOnePerKey() throws Exception {
            PlaybookFixture fixture = newFixture();
            fixture.reset();
            fixture.customers(1, CUSTOMERS);
            fixture.orders(1, CUSTOMERS, 10, Duration.ofDays(3));
            fixture.publishScheme();
            fixture.run();
            // a few calls fail, so the burst also goes through retries
            try (Receiver receiver = Receiver.webhook(DeliveryTest.SECRET, 25)) {
                fixture.webhookOnVip(receiver.url(), DeliveryTest.SECRET, 0);
                fixture.orders(1, CUSTOMERS, 5_000, Duration.ofDays(1));
                assertThat(fixture.run().get("moved").asInt()).isEqualTo(CUSTOMERS);
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_deliveries")).isEqualTo(CUSTOMERS);

                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                        fixture.count("SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'delivered'")
                                == CUSTOMERS);
                assertThat(receiver.acceptedKeys()).isEqualTo(CUSTOMERS);
                assertThat(receiver.duplicates()).isZero();
                assertThat(receiver.badSignatures()).isEmpty();
            }
            fixture.reset();
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
