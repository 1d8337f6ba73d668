package org.strata.server.ingest;

import org.strata.engine.i18n.CommonText;
import org.strata.engine.i18n.Message;
import org.strata.engine.i18n.MessageKey;
import org.strata.engine.rule.RuleError;
import org.strata.engine.scheme.SchemeError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Messages in a text column: a rejected row's reason is stored as its code and arguments
 * ({@code {"code":"import.error.not_a_date","args":[]}}), so the error report is rendered in the language of
 * whoever reads it, not of whoever imported. Rows written before codes existed hold plain English and are shown as
 * they are; so is a message whose encoding would not fit the column (it is stored as English text instead).
 */
final class StoredMessages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "{\"code\":";
    private static final Map<String, MessageKey> KEYS = new HashMap<>();

    static {
        Stream.of(CommonText.values(), RuleError.values(), SchemeError.values(), ImportError.values())
                .flatMap(Stream::of).forEach(key -> KEYS.put(key.code(), key));
    }

    private StoredMessages() {
    }

    /** The text to store: the encoded message, or its English text when the encoding is longer than {@code max}. */
    static String encode(Message message, int max) {
        if (message == null) {
            return null;
        }
        String encoded = JSON.writeValueAsString(node(message));
        return encoded.length() <= max ? encoded : message.english();
    }

    static Message decode(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(MARK)) {
            return Message.literal(stored);
        }
        try {
            return message(JSON.readTree(stored));
        } catch (JacksonException | IllegalArgumentException e) {
            return Message.literal(stored); // not ours after all: show what is there
        }
    }

    private static ObjectNode node(Message message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("code", message.code());
        ArrayNode args = node.putArray("args");
        for (Object argument : message.arguments()) {
            args.add(value(argument));
        }
        return node;
    }

    private static JsonNode value(Object argument) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (argument == null) {
            return nodes.nullNode();
        }
        if (argument instanceof Message nested) {
            return node(nested);
        }
        if (argument instanceof List<?> items) {
            ArrayNode array = nodes.arrayNode();
            items.forEach(item -> array.add(value(item)));
            return array;
        }
        if (argument instanceof Long || argument instanceof Integer) {
            return nodes.numberNode(((Number) argument).longValue());
        }
        return nodes.stringNode(String.valueOf(argument));
    }

    private static Message message(JsonNode node) {
        MessageKey key = KEYS.get(node.path("code").asString());
        if (key == null) {
            throw new IllegalArgumentException("unknown code " + node.path("code"));
        }
        List<Object> args = new ArrayList<>();
        node.path("args").forEach(arg -> args.add(argument(arg)));
        return key.with(args.toArray());
    }

    private static Object argument(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return message(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(argument(item)));
            return items;
        }
        return node.isIntegralNumber() ? (Object) node.asLong() : node.asString();
    }
}
