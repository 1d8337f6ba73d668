package org.strata.server.playbook;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.strata.server.StrataApplication;
import org.strata.server.testsupport.SignedInMockMvc;
import org.strata.server.testsupport.Databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The e-mail action against a real SMTP server on 127.0.0.1 (GreenMail), configured with spring.mail.*. */
class EmailTest {

    @Test
    void anEmailActionSendsTheRenderedMessageToTheOwnerAndTheGivenAddress() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + Databases.freshH2Url(),
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--strata.playbook.delivery.poll-interval=PT0.05S")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            PlaybookFixture fixture = new PlaybookFixture(app,
                    SignedInMockMvc.asAdministrator((WebApplicationContext) app));
            fixture.reset();
            jdbc.update("INSERT INTO users (id, username, display_name, email) VALUES (1, 'li', '李娜', 'li@example.cn')");
            fixture.customers(1, 1);
            jdbc.update("UPDATE customers SET owner_id = 1");
            fixture.orders(1, 1, 5_000, Duration.ofDays(1));
            fixture.publishScheme();
            fixture.createPlaybook("""
                    {"nameZh": "邮件提醒", "trigger": {"kind": "entered_tier", "scheme": "pb_test", "tier": "vip"},
                     "actions": [{"kind": "email", "settings": {"to": ["owner", "boss@example.cn"],
                       "subject": "{customer} 进入 {detail}", "text": "请在 48 小时内拜访 {customer}。"}}]}
                    """);
            fixture.run();

            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("c1 进入 vip");
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactlyInAnyOrder("li@example.cn", "boss@example.cn");
            assertThat(message.getHeader("X-Strata-Idempotency-Key")[0]).startsWith("strata-");
            assertThat(((String) message.getContent()).trim()).isEqualTo("请在 48 小时内拜访 c1。");
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM playbook_deliveries WHERE status = 'delivered'", Integer.class) == 1);
            fixture.reset();
        } finally {
            smtp.stop();
        }
    }
}
