package org.strata.server.ingest.store;

import org.springframework.stereotype.Component;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BatchWriter;
import org.strata.server.ingest.ColumnLimits;
import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.RowError;
import org.strata.server.sql.Upsert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Events by (source, event key); the customer is looked up like an order's. */
@Component
class EventWriter implements BatchWriter<EventRecord> {

    private static final String STAGE = "import_stage_events";
    private static final List<String> STAGE_COLUMNS = StagingArea.columns("source VARCHAR(64)",
            "event_key VARCHAR(200)", CustomerReference.STAGE_COLUMNS[0], CustomerReference.STAGE_COLUMNS[1],
            CustomerReference.STAGE_COLUMNS[2], "type VARCHAR(64)", "occurred_at TIMESTAMP WITH TIME ZONE",
            "properties VARCHAR(100000)");

    private static final Upsert UPSERT = new Upsert("events", List.of("source", "event_key"),
            List.of("customer_id", "origin_customer_id", "customer_ref", "customer_ref_kind", "type", "occurred_at",
                    "properties"),
            "SELECT s.source, s.event_key, ci.customer_id, ci.origin_customer_id, s.customer_ref, s.customer_ref_kind,"
                    + " s.type, s.occurred_at, s.properties FROM " + STAGE + " s" + CustomerReference.JOIN,
            null);

    private final StagingArea staging;

    EventWriter(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.EVENTS;
    }

    @Override
    public String key(EventRecord event) {
        return event.source() + '\u0000' + event.eventKey();
    }

    @Override
    public Map<String, Long> idsOf(List<EventRecord> records) {
        return StoredIds.of(staging.jdbc(), staging.dialect(), "events", "event_key", records, EventRecord::source, EventRecord::eventKey);
    }

    @Override
    public List<RowError> check(EventRecord event, long line) {
        List<RowError> errors = new ArrayList<>(0);
        ColumnLimits.check(errors, line, "source", event.source(), 64);
        ColumnLimits.check(errors, line, "event_key", event.eventKey(), 200);
        ColumnLimits.check(errors, line, "customer_ref", event.customerRef(), 320);
        ColumnLimits.check(errors, line, "type", event.type(), 64);
        ColumnLimits.check(errors, line, "properties", event.propertiesJson(), 100_000);
        return errors;
    }

    @Override
    public BatchResult write(List<EventRecord> events, String writtenBy) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (EventRecord e : events) {
            CustomerReference ref = CustomerReference.of(e.source(), e.customerRef(), e.customerPhone(),
                    e.customerEmail());
            rows.add(new Object[] {e.source(), e.eventKey(), ref.value(), ref.kind(), ref.namespace(), e.type(),
                    e.occurredAt(), e.propertiesJson()});
        }
        staging.load(STAGE, STAGE_COLUMNS, rows);
        return new BatchResult(staging.upsert(UPSERT), 0);
    }
}
