package org.strata.server.playbook.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The text of a group message or e-mail: the action's {@code text} template with placeholders filled in:
 * {customer}, {customerId}, {externalId}, {owner}, {team}, {playbook}, {trigger}, {detail}, {scheme}, {time}.
 */
final class MessageText {

    static final String DEFAULT = "【Strata】{playbook}：客户 {customer}（{detail}），负责人 {owner}";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MessageText() {
    }

    static String render(String template, Delivery d, ZoneId zone) {
        Delivery.Customer c = d.customer();
        Map<String, String> values = Map.of(
                "{customer}", text(c.name(), "#" + c.id()),
                "{customerId}", Long.toString(c.id()),
                "{externalId}", text(c.externalId(), ""),
                "{owner}", text(c.ownerName(), "—"),
                "{team}", text(c.teamName(), "—"),
                "{playbook}", d.playbookZh(),
                "{trigger}", d.trigger(),
                "{detail}", text(d.detail(), ""),
                "{scheme}", text(d.schemeKey(), ""),
                "{time}", TIME.format(d.occurredAt().atZone(zone)));
        String out = template == null ? DEFAULT : template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace(value.getKey(), value.getValue());
        }
        return out;
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
