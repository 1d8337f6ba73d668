package org.strata.server.playbook.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.ActionSettings;
import org.strata.server.playbook.PlaybookTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Posts to WeCom, DingTalk and Feishu group robots. They answer HTTP 200 even when they refuse a message, with the
 * verdict in the body (errcode / code 0 = accepted), so the body decides; a refusal is retried (rate limits pass).
 */
@Component
class GroupRobotPerformer implements ActionPerformer {

    private final DeliveryHttp http;
    private final ObjectMapper json;
    private final PlaybookTime time;

    GroupRobotPerformer(DeliveryHttp http, ObjectMapper json, PlaybookTime time) {
        this.http = http;
        this.json = json;
        this.time = time;
    }

    @Override
    public Set<ActionKind> kinds() {
        return Set.of(ActionKind.WECOM, ActionKind.DINGTALK, ActionKind.FEISHU);
    }

    @Override
    public Outcome perform(Delivery delivery) {
        ActionSettings s = delivery.settings();
        URI uri = s.url("url");
        String secret = s.textOr("secret", null);
        long now = time.now().toEpochMilli();
        Map<String, Object> body = body(delivery, time.zone(), secret, now);
        if (delivery.kind() == ActionKind.DINGTALK && secret != null) {
            uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "timestamp=" + now + "&sign="
                    + Signatures.dingTalk(secret, now));
        }
        try {
            DeliveryHttp.Response response = http.post(uri, json.writeValueAsString(body), Map.of());
            Outcome outcome = DeliveryHttp.classify(response);
            if (!(outcome instanceof Outcome.Delivered)) {
                return outcome;
            }
            return verdict(response);
        } catch (IOException e) {
            return new Outcome.Retry(null, "could not reach " + uri.getHost() + ": " + e);
        }
    }

    /** The message in the robot's format; {@code secret} null leaves a Feishu message unsigned. */
    static Map<String, Object> body(Delivery delivery, ZoneId zone, String secret, long nowMillis) {
        ActionSettings s = delivery.settings();
        String text = MessageText.render(s.textOr("text", null), delivery, zone);
        List<String> mentions = s.list("mentionMobiles");
        return switch (delivery.kind()) {
            case WECOM -> GroupRobotMessages.weCom(s.textOr("format", "markdown"), text, mentions);
            case DINGTALK -> GroupRobotMessages.dingTalk(s.textOr("format", "markdown"),
                    MessageText.render(s.textOr("title", "{playbook}"), delivery, zone), text, mentions);
            default -> GroupRobotMessages.feishu(text, secret, nowMillis / 1000);
        };
    }

    private Outcome verdict(DeliveryHttp.Response response) {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            return new Outcome.Retry(response.status(), "the robot's answer is not JSON: "
                    + DeliveryHttp.abbreviate(response.body()));
        }
        JsonNode code = answer.has("errcode") ? answer.get("errcode") : answer.has("code") ? answer.get("code")
                : answer.get("StatusCode");
        if (code == null || code.asInt() == 0) {
            return new Outcome.Delivered(response.status());
        }
        return new Outcome.Retry(response.status(), "the robot refused the message: "
                + DeliveryHttp.abbreviate(response.body()));
    }
}
