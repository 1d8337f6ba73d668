package org.strata.server.ingest.record;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.OrderLineRecord;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;
import org.strata.server.ingest.mapping.RecordSchema;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.read.ImportOptions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Validates REST items with the same record parsers as file import. An item is a JSON object (as a {@code Map},
 * which Jackson 2 and 3 both produce with {@code convertValue(node, Map.class)}) whose member names are the
 * canonical field names ({@code customer_id, name, phone, amount, ordered_at ...}); customers may carry an
 * {@code attributes} object and events a {@code properties} object of text, number or boolean values.
 * Errors name the JSON pointer of the member, e.g. {@code /items/3/amount}, with line 0. Not thread-safe (the
 * event parser keeps a digest): create one per request or batch, which is cheap.
 * <pre>{@code
 * JsonRecords<OrderRecord> orders = JsonRecords.orders(ImportOptions.defaults().withSource("shop"));
 * ParsedRow<OrderRecord> row = orders.parse(item, "/items/" + i);
 * }</pre>
 */
public final class JsonRecords<T> {

    private final RecordSchema schema;
    private final RowParser<T> parser;

    private JsonRecords(ImportKind kind, RowParser<T> parser) {
        this.schema = RecordSchema.of(kind);
        this.parser = parser;
    }

    public static JsonRecords<CustomerRecord> customers(ImportOptions options) {
        return new JsonRecords<>(ImportKind.CUSTOMERS, new CustomerRowParser(options));
    }

    public static JsonRecords<OrderRecord> orders(ImportOptions options) {
        return new JsonRecords<>(ImportKind.ORDERS, new OrderRowParser(options));
    }

    public static JsonRecords<OrderLineRecord> orderLines(ImportOptions options) {
        return new JsonRecords<>(ImportKind.ORDER_LINES, new OrderLineRowParser(options));
    }

    public static JsonRecords<EventRecord> events(ImportOptions options) {
        return new JsonRecords<>(ImportKind.EVENTS, new EventRowParser(options));
    }

    public static JsonRecords<?> forKind(ImportKind kind, ImportOptions options) {
        return switch (kind) {
            case CUSTOMERS -> customers(options);
            case ORDERS -> orders(options);
            case ORDER_LINES -> orderLines(options);
            case EVENTS -> events(options);
        };
    }

    /**
     * @param item    the JSON item: a {@code Map<String, ?>}; anything else is rejected
     * @param pointer the item's JSON pointer, e.g. {@code /items/3}; member errors append {@code /field}
     */
    public ParsedRow<T> parse(Object item, String pointer) {
        if (!(item instanceof Map<?, ?> map)) {
            return new ParsedRow<>(0, null, List.of(new RowError(0, 0, pointer, String.valueOf(item),
                    ImportMessages.NOT_AN_OBJECT)));
        }
        JsonItem input = new JsonItem(map, pointer, position(pointer));
        ParsedRow<T> parsed = parser.parse(input);
        if (input.problems.isEmpty()) {
            return parsed;
        }
        List<RowError> errors = new ArrayList<>(input.problems);
        errors.addAll(parsed.errors());
        return new ParsedRow<>(0, null, List.copyOf(errors));
    }

    /** The 1-based item number from a pointer ending in an array index, for order lines without line_no. */
    private static long position(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String last = pointer.substring(slash + 1);
        return !last.isEmpty() && last.length() < 10 && last.chars().allMatch(Character::isDigit)
                ? Long.parseLong(last) + 1 : 0;
    }

    /** One JSON item as a {@link RowInput}: values by canonical name; shape problems collected up front. */
    private final class JsonItem implements RowInput {
        private final String pointer;
        private final long position;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> extras = new LinkedHashMap<>();
        private final List<RowError> problems = new ArrayList<>();

        JsonItem(Map<?, ?> item, String pointer, long position) {
            this.pointer = pointer;
            this.position = position;
            for (Map.Entry<?, ?> member : item.entrySet()) {
                String name = String.valueOf(member.getKey());
                Object value = member.getValue();
                if (name.equals(schema.extrasName())) {
                    readExtras(value);
                } else if (schema.field(name).isEmpty()) {
                    problems.add(new RowError(0, 0, pointer + "/" + escaped(name), scalarOrNull(value),
                            ImportMessages.unknownJsonField(name, schema.fieldNames()
                                    + (schema.extrasName() == null ? "" : ", " + schema.extrasName()))));
                } else if (isScalar(value)) {
                    values.put(name, scalar(value));
                } else {
                    problems.add(new RowError(0, 0, pointer + "/" + escaped(name), null, ImportMessages.NOT_A_SCALAR));
                }
            }
        }

        private void readExtras(Object value) {
            if (value == null) {
                return;
            }
            if (!(value instanceof Map<?, ?> members)) {
                problems.add(new RowError(0, 0, pointer + "/" + schema.extrasName(), scalarOrNull(value),
                        ImportMessages.NOT_AN_OBJECT));
                return;
            }
            members.forEach((k, v) -> {
                if (isScalar(v)) {
                    if (v != null) {
                        extras.put(String.valueOf(k), scalar(v));
                    }
                } else {
                    String member = pointer + "/" + schema.extrasName() + "/" + escaped(String.valueOf(k));
                    problems.add(new RowError(0, 0, member, null, ImportMessages.NOT_A_SCALAR));
                }
            });
        }

        @Override
        public long line() {
            return 0;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public String text(TargetField field) {
            String value = values.get(field.fieldName());
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        @Override
        public void forEachExtra(BiConsumer<String, String> action) {
            extras.forEach(action);
        }

        @Override
        public RowError error(TargetField field, String raw, Message reason) {
            return new RowError(0, 0, pointer + "/" + field.fieldName(), raw, reason);
        }

        @Override
        public RowError rowError(Message reason) {
            return new RowError(0, 0, pointer, null, reason);
        }
    }

    /** A member name as a JSON pointer token (RFC 6901): ~ becomes ~0 and / becomes ~1. */
    static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String scalarOrNull(Object value) {
        return isScalar(value) ? FieldReader.clipped(scalar(value)) : null;
    }

    /** Numbers keep their decimal digits as written: a double 1234.5 is "1234.5", never "1.2345E3". */
    private static String scalar(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
