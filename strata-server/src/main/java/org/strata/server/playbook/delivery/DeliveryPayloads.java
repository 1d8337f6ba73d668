package org.strata.server.playbook.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.PlaybookTime;
import tools.jackson.databind.ObjectMapper;

/**
 * What a delivery sends, for an admin inspecting a dead letter before replaying it: the webhook's JSON body, the
 * group robot's message, or for actions inside Strata (tasks, owners, tags, e-mail) the action's settings with what
 * fired it. Secrets never appear: webhook bodies carry none, robot messages are shown unsigned, settings masked.
 */
@Component
public class DeliveryPayloads {

    private static final String MASK = "******";

    private final DeliveryQueue queue;
    private final ObjectMapper json;
    private final PlaybookTime time;

    DeliveryPayloads(DeliveryQueue queue, ObjectMapper json, PlaybookTime time) {
        this.queue = queue;
        this.json = json;
        this.time = time;
    }

    /** The payload as indented JSON; call it only for a delivery the caller may see (DeliveryStore.find). */
    public Optional<String> of(long deliveryId) {
        return queue.load(deliveryId).map(d -> json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(payload(d)));
    }

    private Map<String, Object> payload(Delivery d) {
        return switch (d.kind()) {
            case WEBHOOK -> WebhookPerformer.payload(d);
            case WECOM, DINGTALK, FEISHU -> GroupRobotPerformer.body(d, time.zone(), null, time.now().toEpochMilli());
            default -> {
                Map<String, Object> shown = new LinkedHashMap<>(WebhookPerformer.payload(d));
                Map<String, Object> settings = new LinkedHashMap<>(d.settingValues());
                settings.computeIfPresent("secret", (k, v) -> MASK);
                settings.computeIfPresent("password", (k, v) -> MASK);
                shown.put("action", Map.of("kind", d.kind().code(), "settings", settings));
                yield shown;
            }
        };
    }
}
