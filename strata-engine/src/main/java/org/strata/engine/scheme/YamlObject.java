package org.strata.engine.scheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.strata.engine.i18n.LocalizedArgumentException;
import org.strata.engine.i18n.Message;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the fields of one YAML mapping node, recording every problem with the line, column and path of the field
 * (rather than letting a type cast fail somewhere deep with no position).
 */
final class YamlObject {

    private final Node node;
    private final String path;
    private final List<YamlProblem> problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    YamlObject(Node node, String path, List<YamlProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    fields.put(key.getValue(), tuple);
                } else {
                    problem(tuple.getKeyNode(), path, SchemeError.FIELD_NAME_NOT_TEXT.with());
                }
            }
        } else {
            problem(node, path, SchemeError.EXPECTED_MAPPING.with(describe(node)));
        }
    }

    String text(String key, boolean required) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            if (required) {
                problem(node, path, SchemeError.FIELD_REQUIRED.with(key));
            }
            return null;
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(tuple.getValueNode(), child(key), SchemeError.EXPECTED_TEXT.with(describe(tuple.getValueNode())));
        return null;
    }

    /** A whole number, or {@code fallback} when absent. */
    int integer(String key, int fallback) {
        String text = text(key, false);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problem(fields.get(key).getValueNode(), child(key), SchemeError.EXPECTED_WHOLE_NUMBER.with(text));
            return fallback;
        }
    }

    boolean isText(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple != null && tuple.getValueNode() instanceof ScalarNode;
    }

    Node node() {
        return node;
    }

    /** The nested mapping under {@code key}, or null when absent. */
    YamlObject object(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? null : new YamlObject(tuple.getValueNode(), child(key), problems);
    }

    /** The items of the list under {@code key}; empty when absent. */
    List<Node> list(String key) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            return List.of();
        }
        if (tuple.getValueNode() instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(tuple.getValueNode(), child(key), SchemeError.EXPECTED_LIST.with(describe(tuple.getValueNode())));
        return List.of();
    }

    List<String> texts(String key) {
        List<String> values = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ScalarNode scalar) {
                values.add(scalar.getValue());
            } else {
                problem(items.get(i), child(key) + "[" + i + "]", SchemeError.EXPECTED_TEXT.with(describe(items.get(i))));
            }
        }
        return values;
    }

    /** Reports fields this object does not know, with the closest known name. */
    void rejectUnknown(Set<String> known) {
        for (var entry : fields.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String closest = known.stream()
                        .min(Comparator.comparingInt(k -> editDistance(k, entry.getKey()))).orElse("");
                String knownText = known.toString();
                problem(entry.getValue().getKeyNode(), child(entry.getKey()), editDistance(closest, entry.getKey()) <= 2
                        ? SchemeError.UNKNOWN_FIELD_DID_YOU_MEAN.with(entry.getKey(), knownText, closest)
                        : SchemeError.UNKNOWN_FIELD.with(entry.getKey(), knownText));
            }
        }
    }

    /** Calls {@code action}; an IllegalArgumentException it throws becomes a problem at this object. */
    <T> T build(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            // a localized refusal keeps its code and words; any other is shown as it was said
            problem(node, path, e instanceof LocalizedArgumentException localized ? localized.problem()
                    : Message.literal(e.getMessage()));
            return null;
        }
    }

    String child(String key) {
        return path.isEmpty() || key.isEmpty() ? path + key : path + "." + key;
    }

    void problem(Node at, String field, Message message) {
        problems.add(new YamlProblem(at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, field,
                message));
    }

    private static Message describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return SchemeError.FOUND_VALUE.with(scalar.getValue());
        }
        return node instanceof SequenceNode ? SchemeError.FOUND_LIST.with() : SchemeError.FOUND_MAPPING.with();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
