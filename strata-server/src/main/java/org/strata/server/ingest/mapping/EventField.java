package org.strata.server.ingest.mapping;

import java.util.List;

/** Fields of an events file. Other columns become the event's properties. */
public enum EventField implements TargetField {
    EVENT_ID("event_id", "事件编号", "事件ID", "记录ID", "event_key", "eventid"),
    CUSTOMER_ID("customer_id", CustomerRefAliases.ID),
    CUSTOMER_PHONE("customer_phone", CustomerRefAliases.PHONE),
    CUSTOMER_EMAIL("customer_email", CustomerRefAliases.EMAIL),
    TYPE("type", "事件类型", "类型", "事件", "行为", "行为类型", "event_type", "event", "action"),
    OCCURRED_AT("occurred_at", "发生时间", "时间", "事件时间", "日期", "行为时间", "timestamp", "time", "event_time", "date",
            "created_at");

    private final String fieldName;
    private final List<String> headerAliases;

    EventField(String fieldName, String... aliases) {
        this.fieldName = fieldName;
        this.headerAliases = List.of(aliases);
    }

    EventField(String fieldName, List<String> aliases) {
        this.fieldName = fieldName;
        this.headerAliases = aliases;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public List<String> headerAliases() {
        return headerAliases;
    }
}
