package org.strata.server.playbook.delivery;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.playbook.PlaybookTime;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls a company's own system: a JSON body describing what happened, with headers {@code X-Strata-Idempotency-Key}
 * (the same on every attempt, so the receiver drops duplicates), {@code X-Strata-Timestamp} (epoch seconds) and
 * {@code X-Strata-Signature} ({@link Signatures#webhook}).
 */
@Component
class WebhookPerformer implements ActionPerformer {

    static final String KEY_HEADER = "X-Strata-Idempotency-Key";
    static final String TIMESTAMP_HEADER = "X-Strata-Timestamp";
    static final String SIGNATURE_HEADER = "X-Strata-Signature";

    private final DeliveryHttp http;
    private final ObjectMapper json;
    private final PlaybookTime time;

    WebhookPerformer(DeliveryHttp http, ObjectMapper json, PlaybookTime time) {
        this.http = http;
        this.json = json;
        this.time = time;
    }

    @Override
    public Set<ActionKind> kinds() {
        return Set.of(ActionKind.WEBHOOK);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        URI uri = s.url("url");
        String body = json.writeValueAsString(payload(delivery));
        long timestamp = time.now().getEpochSecond();
        Map<String, String> headers = Map.of(KEY_HEADER, delivery.idempotencyKey(),
                TIMESTAMP_HEADER, Long.toString(timestamp),
                SIGNATURE_HEADER, Signatures.webhook(s.text("secret"), timestamp, body));
        try {
            return DeliveryHttp.classify(http.post(uri, body, headers));
        } catch (IOException e) {
            return new Outcome.Retry(null, "could not reach " + uri.getHost() + ":" + uri.getPort() + ": " + e);
        }
    }

    static Map<String, Object> payload(Delivery d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", d.idempotencyKey());
        body.put("playbook", Map.of("id", d.playbookId(), "nameZh", d.playbookZh(), "nameEn", d.playbookEn()));
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", d.trigger());
        trigger.put("scheme", d.schemeKey());
        trigger.put("detail", d.detail());
        trigger.put("occurredAt", d.occurredAt().toString());
        body.put("trigger", trigger);
        Delivery.Customer c = d.customer();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", c.id());
        customer.put("externalId", c.externalId());
        customer.put("name", c.name());
        customer.put("ownerId", c.ownerId());
        customer.put("owner", c.ownerName());
        customer.put("teamId", c.teamId());
        customer.put("team", c.teamName());
        body.put("customer", customer);
        body.put("attempt", d.attempts() + 1);
        return body;
    }
}
