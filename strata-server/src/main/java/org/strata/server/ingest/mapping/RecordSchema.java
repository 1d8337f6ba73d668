package org.strata.server.ingest.mapping;

import org.strata.server.ingest.ImportKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a file of one {@link ImportKind} must and may contain: its fields, the required ones, the customer keys of
 * which at least one column must be present, and whether columns that match no field are kept (as customer
 * attributes or event properties) or ignored.
 */
public final class RecordSchema {

    private static final Map<ImportKind, RecordSchema> SCHEMAS = Map.of(
            ImportKind.CUSTOMERS, new RecordSchema(ImportKind.CUSTOMERS, CustomerField.values(), List.of(),
                    List.of(CustomerField.CUSTOMER_ID, CustomerField.PHONE, CustomerField.EMAIL,
                            CustomerField.SHOP_USER_ID, CustomerField.WECHAT_OPENID, CustomerField.WECHAT_UNIONID,
                            CustomerField.CRM_ID), "attributes"),
            ImportKind.ORDERS, new RecordSchema(ImportKind.ORDERS, OrderField.values(),
                    List.of(OrderField.ORDER_ID, OrderField.ORDERED_AT, OrderField.AMOUNT),
                    List.of(OrderField.CUSTOMER_ID, OrderField.CUSTOMER_PHONE, OrderField.CUSTOMER_EMAIL), null),
            ImportKind.ORDER_LINES, new RecordSchema(ImportKind.ORDER_LINES, OrderLineField.values(),
                    List.of(OrderLineField.ORDER_ID, OrderLineField.ORDERED_AT, OrderLineField.QUANTITY,
                            OrderLineField.UNIT_PRICE),
                    List.of(OrderLineField.CUSTOMER_ID, OrderLineField.CUSTOMER_PHONE, OrderLineField.CUSTOMER_EMAIL),
                    null),
            ImportKind.EVENTS, new RecordSchema(ImportKind.EVENTS, EventField.values(),
                    List.of(EventField.TYPE, EventField.OCCURRED_AT),
                    List.of(EventField.CUSTOMER_ID, EventField.CUSTOMER_PHONE, EventField.CUSTOMER_EMAIL),
                    "properties"));

    private final ImportKind kind;
    private final List<TargetField> fields;
    private final List<TargetField> required;
    private final List<TargetField> customerKeys;
    private final String extrasName;
    private final Map<String, TargetField> byName = new HashMap<>();
    private final Map<String, TargetField> byHeaderKey = new HashMap<>();
    private final Map<String, Integer> rankByHeaderKey = new HashMap<>();

    private RecordSchema(ImportKind kind, TargetField[] fields, List<TargetField> required,
                         List<TargetField> customerKeys, String extrasName) {
        this.kind = kind;
        this.fields = List.of(fields);
        this.required = required;
        this.customerKeys = customerKeys;
        this.extrasName = extrasName;
        for (TargetField field : fields) {
            byName.put(field.fieldName(), field);
            addAlias(field.fieldName(), field, 0);
        }
        for (TargetField field : fields) {
            for (int i = 0; i < field.headerAliases().size(); i++) {
                addAlias(field.headerAliases().get(i), field, i + 1);
            }
        }
    }

    private void addAlias(String alias, TargetField field, int rank) {
        String key = HeaderNames.key(alias);
        if (byHeaderKey.putIfAbsent(key, field) == null) {
            rankByHeaderKey.put(key, rank);
        }
    }

    public static RecordSchema of(ImportKind kind) {
        return SCHEMAS.get(kind);
    }

    public ImportKind kind() {
        return kind;
    }

    /** All fields, in ordinal order. */
    public List<TargetField> fields() {
        return fields;
    }

    /** Fields whose column must be present (and whose value must be given in every row). */
    public List<TargetField> required() {
        return required;
    }

    /** At least one of these columns must be present: they say which customer a row belongs to. */
    public List<TargetField> customerKeys() {
        return customerKeys;
    }

    /** "attributes" (customers) or "properties" (events) when unmapped columns are kept; null when they are ignored. */
    public String extrasName() {
        return extrasName;
    }

    public Optional<TargetField> field(String fieldName) {
        return Optional.ofNullable(byName.get(fieldName));
    }

    /** The field a header is guessed to mean, if any. */
    public Optional<TargetField> guess(String header) {
        return Optional.ofNullable(byHeaderKey.get(HeaderNames.key(header)));
    }

    /**
     * How strongly a header suggests its guessed field: 0 for the canonical name, then the alias's position in the
     * field's list. When several columns suggest one field the strongest wins (实付金额 over 订单金额 for amount).
     */
    public int guessRank(String header) {
        return rankByHeaderKey.getOrDefault(HeaderNames.key(header), Integer.MAX_VALUE);
    }

    public String fieldNames() {
        return fields.stream().map(TargetField::fieldName).collect(Collectors.joining(", "));
    }

    public static String names(List<TargetField> fields) {
        return fields.stream().map(TargetField::fieldName).collect(Collectors.joining(", "));
    }

    /** The headers that are guessed to mean {@code field}, for error messages. */
    public List<String> acceptedHeaders(TargetField field) {
        List<String> names = new ArrayList<>();
        names.add(field.fieldName());
        names.addAll(field.headerAliases());
        return names;
    }
}
