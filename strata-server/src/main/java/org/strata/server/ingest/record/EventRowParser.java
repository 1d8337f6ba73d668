package org.strata.server.ingest.record;

import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportMessages;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.mapping.EventField;
import org.strata.server.ingest.mapping.RecordSchema;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.value.DateTimeValues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Events. type and occurred_at are required, and unlike orders an event needs a customer key: an interaction that
 * belongs to nobody tells nothing about any customer. Known types get their canonical name (登录 → login,
 * 访问 → visit, 工单 → ticket, 活动点击 → campaign_click, 满意度 → nps) so that features count them alike whatever
 * the source called them; other types are kept as given. Columns that match no field become the properties, a JSON
 * object with sorted keys.
 * <p>
 * Without an event_id the key is {@code sha256:} + the SHA-256 of customer keys, type, instant and properties, so
 * importing the same file (or the same JSON items) again gives the same keys and stores nothing twice. Two truly
 * identical events (same customer, type, second and properties) collapse into one, which is the price of that.
 */
public final class EventRowParser implements RowParser<EventRecord> {

    private static final List<TargetField> KEYS = RecordSchema.of(ImportKind.EVENTS).customerKeys();

    private final String source;
    private final DateTimeValues dates;
    private final MessageDigest sha256;

    public EventRowParser(ImportOptions options) {
        this.source = options.source();
        this.dates = new DateTimeValues(options.zone());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public ParsedRow<EventRecord> parse(RowInput row) {
        FieldReader in = new FieldReader(row, dates);
        String eventId = in.id(EventField.EVENT_ID, 200);
        String customerRef = in.id(EventField.CUSTOMER_ID, 128);
        String phone = in.phone(EventField.CUSTOMER_PHONE);
        String email = in.email(EventField.CUSTOMER_EMAIL);
        String givenType = in.requiredText(EventField.TYPE, 64);
        String type = givenType == null ? null : Vocabulary.eventType(givenType);
        OffsetDateTime occurredAt = in.requiredDate(EventField.OCCURRED_AT);
        TreeMap<String, String> properties = new TreeMap<>();
        row.forEachExtra(properties::putIfAbsent);
        String propertiesJson = properties.isEmpty() ? null : Json.object(properties);
        if (!Values.hasAny(row, KEYS)) {
            in.failRow(ImportMessages.noCustomerKey(RecordSchema.names(KEYS)));
        }
        return in.result(() -> new EventRecord(source,
                eventId != null ? eventId : derivedKey(customerRef, phone, email, type, occurredAt, propertiesJson),
                customerRef, phone, email, type, occurredAt,
                propertiesJson));
    }

    private String derivedKey(String customerRef, String phone, String email, String type, OffsetDateTime at,
                              String propertiesJson) {
        // Unit separators keep ("ab", "c") and ("a", "bc") apart; the instant makes +08:00 and Z spellings agree.
        String canonical = String.join("\u001f", nullToEmpty(customerRef), nullToEmpty(phone), nullToEmpty(email), type,
                at.toInstant().toString(), nullToEmpty(propertiesJson));
        return "sha256:" + HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
