package org.strata.server.playbook.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Message bodies in the group robots' documented JSON formats. WeCom (企业微信): {@code msgtype} text or markdown.
 * DingTalk (钉钉): {@code msgtype} text or markdown (which needs a title), plus {@code at}. Feishu (飞书):
 * {@code msg_type} text with {@code content.text}, plus {@code timestamp} and {@code sign} when the robot signs.
 */
public final class GroupRobotMessages {

    private GroupRobotMessages() {
    }

    public static Map<String, Object> weCom(String format, String text, List<String> mentionMobiles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", format);
        if (format.equals("markdown")) {
            body.put("markdown", Map.of("content", text));
        } else {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("content", text);
            if (!mentionMobiles.isEmpty()) {
                content.put("mentioned_mobile_list", mentionMobiles);
            }
            body.put("text", content);
        }
        return body;
    }

    public static Map<String, Object> dingTalk(String format, String title, String text, List<String> atMobiles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", format);
        if (format.equals("markdown")) {
            body.put("markdown", Map.of("title", title, "text", text));
        } else {
            body.put("text", Map.of("content", text));
        }
        body.put("at", Map.of("atMobiles", atMobiles, "isAtAll", false));
        return body;
    }

    /** @param secret the robot's signing secret, or null when signing is off */
    public static Map<String, Object> feishu(String text, String secret, long timestampSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (secret != null) {
            body.put("timestamp", Long.toString(timestampSeconds));
            body.put("sign", Signatures.feishu(secret, timestampSeconds));
        }
        body.put("msg_type", "text");
        body.put("content", Map.of("text", text));
        return body;
    }
}
