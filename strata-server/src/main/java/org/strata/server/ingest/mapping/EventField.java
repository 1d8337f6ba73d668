package org.strata.server.ingest.mapping;

/** Fields of an events file. Other columns become the event's properties. */
public enum EventField implements TargetField {
    EVENT_ID(FieldSpec.of("event_id", "事件编号", "事件ID", "记录ID", "event_key", "eventid")),
    CUSTOMER_ID(new FieldSpec("customer_id", SharedAliases.CUSTOMER_ID)),
    CUSTOMER_PHONE(new FieldSpec("customer_phone", SharedAliases.CUSTOMER_PHONE)),
    CUSTOMER_EMAIL(new FieldSpec("customer_email", SharedAliases.CUSTOMER_EMAIL)),
    TYPE(FieldSpec.of("type", "事件类型", "类型", "事件", "行为", "行为类型", "event_type", "event", "action")),
    OCCURRED_AT(FieldSpec.of("occurred_at", "发生时间", "时间", "事件时间", "日期", "行为时间", "timestamp", "time", "event_time", "date",
            "created_at"));

    private final FieldSpec spec;

    EventField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }
}
