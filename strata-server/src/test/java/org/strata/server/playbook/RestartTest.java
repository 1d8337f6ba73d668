package org.strata.server.playbook;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.testsupport.SignedInMockMvc;
import org.strata.server.testsupport.Databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Strata stops with actions recorded but not delivered (one batch even claimed by a worker that died), and a new
 * Strata on the same database delivers every one of them, once per key.
 */
class RestartTest {

    @Test
    void undeliveredActionsAreDeliveredAfterARestartOnH2() throws Exception {
        nothingIsLostAcrossARestart(Databases.freshH2Url(), "sa");
    }

    @Test
    void undeliveredActionsAreDeliveredAfterARestartOnPostgres() throws Exception {
        nothingIsLostAcrossARestart(Databases.freshPostgresUrl(), "postgres");
    }

    private void nothingIsLostAcrossARestart(String url, String user) throws Exception {
        try (Receiver receiver = Receiver.webhook(DeliveryTest.SECRET, 0)) {
            try (ConfigurableApplicationContext first = start(url, user, false)) {
                PlaybookFixture fixture = fixture(first);
                fixture.reset();
                fixture.customers(1, 60);
                fixture.orders(1, 60, 5_000, Duration.ofDays(1));
                fixture.publishScheme();
                fixture.webhookOnVip(receiver.url(), DeliveryTest.SECRET, 0);
                fixture.run();
                assertThat(fixture.count("SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'pending'"))
                        .isEqualTo(60);
                // a worker claimed ten of them and died before it could deliver: its lease is left behind
                first.getBean(JdbcTemplate.class).update("UPDATE playbook_deliveries SET lease_until = ? "
                        + "WHERE id IN (SELECT id FROM playbook_deliveries ORDER BY id FETCH FIRST 10 ROWS ONLY)",
                        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(2)));
            }
            assertThat(receiver.calls()).isZero();

            try (ConfigurableApplicationContext second = start(url, user, true)) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                Supplier<Integer> delivered = () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'delivered'", Integer.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == 60);
                assertThat(receiver.acceptedKeys()).isEqualTo(60);
                assertThat(receiver.duplicates()).isZero();
                fixture(second).reset();
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, String user, boolean deliver) {
        return new SpringApplicationBuilder(StrataApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--strata.playbook.delivery.enabled=" + deliver,
                "--strata.playbook.delivery.poll-interval=PT0.05S", "--strata.playbook.delivery.first-retry=PT0.05S");
    }

    private static PlaybookFixture fixture(ConfigurableApplicationContext context) {
        MockMvc mvc = SignedInMockMvc.asAdministrator((WebApplicationContext) context);
        return new PlaybookFixture(context, mvc);
    }
}
