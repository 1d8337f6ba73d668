package org.strata.server.ingest.record;

import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.mapping.CustomerField;
import org.strata.server.ingest.mapping.RecordSchema;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.value.DateTimeValues;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers. A row needs at least one key that identifies the customer (customer_id, phone, email or one of the
 * source ids). Fields without a value are null in the record (not given), so that storage can leave what it knows
 * alone. Type is "person" or "company" when given. Columns that match no field, and the acquisition channel,
 * become attributes.
 */
public final class CustomerRowParser implements RowParser<CustomerRecord> {

    private static final List<TargetField> KEYS = RecordSchema.of(ImportKind.CUSTOMERS).customerKeys();

    private static final CustomerField[] IDENTIFIERS =
            java.util.Arrays.stream(CustomerField.values()).filter(CustomerField::isIdentifier).toArray(CustomerField[]::new);

    private final String source;
    private final DateTimeValues dates;

    public CustomerRowParser(ImportOptions options) {
        this.source = options.source();
        this.dates = new DateTimeValues(options.zone());
    }

    @Override
    public ParsedRow<CustomerRecord> parse(RowInput row) {
        FieldReader in = new FieldReader(row, dates);
        String externalId = in.id(CustomerField.CUSTOMER_ID, 128);
        String name = in.text(CustomerField.NAME, 300);
        String type = type(in);
        String phone = in.phone(CustomerField.PHONE);
        String email = in.email(CustomerField.EMAIL);
        String owner = in.text(CustomerField.OWNER, 100);
        String team = in.text(CustomerField.TEAM, 64);
        String industry = in.text(CustomerField.INDUSTRY, 100);
        String region = in.text(CustomerField.REGION, 100);
        OffsetDateTime createdAt = in.date(CustomerField.CREATED_AT);
        Map<String, String> identifiers = identifiers(in);
        Map<String, String> attributes = attributes(in);
        if (!Values.hasAny(row, KEYS)) {
            in.failRow(ImportMessages.noCustomerKey(RecordSchema.names(KEYS)));
        }
        return in.result(() -> new CustomerRecord(source, externalId, name, type, phone, email, owner, team,
                industry, region, createdAt, identifiers, attributes));
    }

    private static String type(FieldReader in) {
        String raw = in.row().text(CustomerField.TYPE);
        if (raw == null) {
            return null;
        }
        String type = Vocabulary.customerType(raw);
        if (type == null) {
            in.fail(CustomerField.TYPE, raw, ImportMessages.NOT_A_CUSTOMER_TYPE);
        }
        return type;
    }

    /** Source-specific ids by kind (shop_user_id, wechat_openid ...); an immutable empty map when there are none. */
    private static Map<String, String> identifiers(FieldReader in) {
        Map<String, String> identifiers = null;
        for (CustomerField field : IDENTIFIERS) {
            String value = in.id(field, 320);
            if (value != null) {
                identifiers = identifiers == null ? new LinkedHashMap<>() : identifiers;
                identifiers.put(field.fieldName(), value);
            }
        }
        return identifiers == null ? Map.of() : identifiers;
    }

    private static Map<String, String> attributes(FieldReader in) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String channel = in.text(CustomerField.CHANNEL, 1000);
        if (channel != null) {
            attributes.put(CustomerField.CHANNEL.fieldName(), channel);
        }
        in.row().forEachExtra(attributes::putIfAbsent);
        return attributes.isEmpty() ? Map.of() : attributes;
    }
}
