package org.strata.server.playbook.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.playbook.PlaybookTime;

/**
 * Sends e-mail through the SMTP server configured with {@code spring.mail.*}. Without one it performs nothing, and
 * e-mail deliveries become dead letters that say how to configure it. "owner" in {@code to} is the customer's owner.
 * The idempotency key travels as the {@code X-Strata-Idempotency-Key} header.
 */
@Component
class EmailPerformer implements ActionPerformer {

    private final ObjectProvider<JavaMailSender> mail;
    private final PlaybookTime time;

    EmailPerformer(ObjectProvider<JavaMailSender> mail, PlaybookTime time) {
        this.mail = mail;
        this.time = time;
    }

    @Override
    public Set<ActionKind> kinds() {
        return mail.getIfAvailable() == null ? Set.of() : Set.of(ActionKind.EMAIL);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        List<String> to = new ArrayList<>();
        for (String address : s.list("to")) {
            if (address.equals("owner")) {
                if (delivery.customer().ownerEmail() == null) {
                    return new Outcome.Failed(null, "customer " + delivery.customer().id()
                            + " has no owner with an e-mail address");
                }
                to.add(delivery.customer().ownerEmail());
            } else {
                to.add(address);
            }
        }
        JavaMailSender sender = mail.getObject();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(s.textOr("from", "strata@localhost"));
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(MessageText.render(s.text("subject"), delivery, time.zone()));
            helper.setText(MessageText.render(s.textOr("text", null), delivery, time.zone()));
            message.setHeader("X-Strata-Idempotency-Key", delivery.idempotencyKey());
            sender.send(message);
            return new Outcome.Delivered(null);
        } catch (MessagingException | MailParseException | MailAuthenticationException e) {
            return new Outcome.Failed(null, "e-mail refused: " + e.getMessage());
        } catch (MailException e) {
            return new Outcome.Retry(null, "SMTP server unavailable: " + e.getMessage());
        }
    }
}
