package org.strata.server.playbook;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one action, read by name. Checking a playbook reads every setting once so that a mistake is
 * reported with its JSON pointer ({@code /actions/2/settings/url}) when the playbook is saved, not at delivery.
 */
public final class ActionSettings {

    public static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final Map<String, Object> values;
    private final String pointer;

    public ActionSettings(Map<String, Object> values, String pointer) {
        this.values = values == null ? Map.of() : values;
        this.pointer = pointer;
    }

    public Map<String, Object> values() {
        return values;
    }

    public String text(String key) {
        Object value = values.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new PlaybookBadRequestException(pointer + "/" + key, "required");
        }
        return value.toString();
    }

    public String textOr(String key, String otherwise) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? otherwise : value.toString();
    }

    public int positive(String key, Integer otherwise) {
        Object value = values.get(key);
        if (value == null) {
            if (otherwise == null) {
                throw new PlaybookBadRequestException(pointer + "/" + key, "required: a whole number above 0");
            }
            return otherwise;
        }
        try {
            int number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PlaybookBadRequestException(pointer + "/" + key, "'" + value + "' is not a whole number above 0");
        }
    }

    public String oneOf(String key, String otherwise, Set<String> allowed) {
        String value = textOr(key, otherwise);
        if (!allowed.contains(value)) {
            throw new PlaybookBadRequestException(pointer + "/" + key, "'" + value + "' is not one of "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }

    public URI url(String key) {
        String text = text(key);
        try {
            URI uri = URI.create(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PlaybookBadRequestException(pointer + "/" + key, "'" + text + "' is not an http(s) URL");
        }
    }

    /** A list of texts given as a JSON array or a comma-separated string. */
    public List<String> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(value.toString().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Checks the settings of {@code kind}; returns them with defaults filled in, which is what is stored.
     *
     * @param trigger the playbook's trigger (tag actions default to its scheme, capacity to its tier)
     */
    static Map<String, Object> check(ActionKind kind, ActionSettings s, PlaybookRequest.TriggerRequest trigger) {
        Map<String, Object> out = new LinkedHashMap<>(s.values);
        switch (kind) {
            case TASK -> {
                s.text("title");
                out.put("dueInHours", s.positive("dueInHours", 48));
                out.put("priority", s.oneOf("priority", "normal", PRIORITIES));
            }
            case ASSIGN_OWNER -> {
                s.text("team");
                String strategy = s.oneOf("strategy", "round_robin", Set.of("round_robin", "capacity"));
                out.put("strategy", strategy);
                if (strategy.equals("capacity")) {
                    String tier = s.textOr("tier", trigger == null ? null : trigger.tier());
                    if (tier == null) {
                        throw new PlaybookBadRequestException(s.pointer + "/tier",
                                "capacity-aware assignment counts customers of a tier; name it");
                    }
                    out.put("tier", tier);
                    out.put("scheme", s.textOr("scheme", trigger == null ? null : trigger.scheme()));
                    if (out.get("scheme") == null) {
                        throw new PlaybookBadRequestException(s.pointer + "/scheme", "required with strategy capacity");
                    }
                    if (s.values.containsKey("maxPerPerson")) {
                        out.put("maxPerPerson", s.positive("maxPerPerson", null));
                    }
                }
            }
            case ADD_TAG, REMOVE_TAG -> {
                s.text("tag");
                String scheme = s.textOr("scheme", trigger == null ? null : trigger.scheme());
                if (scheme == null) {
                    throw new PlaybookBadRequestException(s.pointer + "/scheme", "required: the scheme of the tag");
                }
                out.put("scheme", scheme);
            }
            case WEBHOOK -> {
                s.url("url");
                s.text("secret");
            }
            case WECOM -> {
                s.url("url");
                out.put("format", s.oneOf("format", "markdown", Set.of("text", "markdown")));
            }
            case DINGTALK, FEISHU -> {
                s.url("url");
                if (kind == ActionKind.DINGTALK) {
                    out.put("format", s.oneOf("format", "markdown", Set.of("text", "markdown")));
                }
            }
            case EMAIL -> {
                if (s.list("to").isEmpty()) {
                    throw new PlaybookBadRequestException(s.pointer + "/to",
                            "required: addresses, or \"owner\" for the customer's owner");
                }
                s.text("subject");
            }
        }
        return out;
    }
}
