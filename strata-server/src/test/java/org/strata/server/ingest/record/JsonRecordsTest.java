package org.strata.server.ingest.record;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;
import org.strata.server.ingest.read.ImportOptions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class JsonRecordsTest {

    private final JsonRecords<OrderRecord> orders = JsonRecords.orders(ImportOptions.defaults().withSource("shop"));

    @Test
    void aValidItemBecomesTheSameRecordAsTheSameCsvRow() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("order_id", "D1");
        item.put("customer_id", 17850.0);
        item.put("ordered_at", "2026/3/1 14:05");
        item.put("amount", 1234.5);
        item.put("status", "已完成");
        ParsedRow<OrderRecord> row = orders.parse(item, "/items/0");
        assertThat(row.accepted()).isTrue();
        assertThat(row.line()).isZero();
        OrderRecord csv = CsvFixture.read(ImportKind.ORDERS, OrderRecord.class,
                "order_id,customer_id,ordered_at,amount,status\nD1,17850.0,2026/3/1 14:05,1234.5,已完成\n",
                ImportOptions.defaults().withSource("shop")).get(0).record();
        assertThat(row.record()).isEqualTo(csv);
    }

    @Test
    void errorsNameTheJsonPointerOfTheMember() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("order_id", "D1");
        item.put("ordered_at", "yesterday");
        item.put("amount", new BigDecimal("-3"));
        item.put("amout", 3);
        item.put("channel", Map.of("nested", true));
        ParsedRow<OrderRecord> row = orders.parse(item, "/items/3");
        assertThat(row.accepted()).isFalse();
        assertThat(row.errors()).extracting(RowError::line, RowError::column, RowError::field, RowError::value)
                .containsExactly(
                        tuple(0L, 0, "/items/3/amout", "3"),
                        tuple(0L, 0, "/items/3/channel", null),
                        tuple(0L, 0, "/items/3/ordered_at", "yesterday"),
                        tuple(0L, 0, "/items/3/amount", "-3"));
        assertThat(row.errors().get(0).reason().english()).contains("unknown field \"amout\"", "amount");
    }

    @Test
    void requiredMembersAndNonObjectsAreReported() {
        ParsedRow<OrderRecord> empty = orders.parse(Map.of(), "/items/0");
        assertThat(empty.errors()).extracting(RowError::field)
                .containsExactly("/items/0/order_id", "/items/0/ordered_at", "/items/0/amount");
        ParsedRow<OrderRecord> notAnObject = orders.parse(List.of(1, 2), "/items/1");
        assertThat(notAnObject.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("/items/1");
            assertThat(e.reason().english()).contains("JSON object");
        });
    }

    @Test
    void customerAttributesAndEventPropertiesAreNestedObjects() {
        ParsedRow<CustomerRecord> customer = JsonRecords.customers(ImportOptions.defaults()).parse(Map.of(
                "customer_id", "K1", "phone", "138 0013 8000", "wechat_openid", "oX",
                "attributes", Map.of("生日", "1990-01-01", "vip", true)), "/items/0");
        assertThat(customer.record().identifiers()).containsEntry("wechat_openid", "oX");
        assertThat(customer.record().attributes()).containsEntry("生日", "1990-01-01").containsEntry("vip", "true");

        JsonRecords<EventRecord> events = JsonRecords.events(ImportOptions.defaults());
        ParsedRow<EventRecord> event = events.parse(Map.of("customer_id", "K1", "type", "nps",
                "occurred_at", "2026-03-01T10:00:00+08:00", "properties", Map.of("score", 9)), "/items/0");
        assertThat(event.record().propertiesJson()).isEqualTo("{\"score\":\"9\"}");
        ParsedRow<EventRecord> badProperties = events.parse(Map.of("customer_id", "K1", "type", "nps",
                "occurred_at", "2026-03-01", "properties", "score=9"), "/items/1");
        assertThat(badProperties.errors()).extracting(RowError::field).containsExactly("/items/1/properties");
    }

    @Test
    void memberNamesInPointersAreEscaped() {
        ParsedRow<CustomerRecord> row = JsonRecords.customers(ImportOptions.defaults()).parse(Map.of("customer_id", "K1",
                "attributes", Map.of("a/b~c", List.of())), "/items/0");
        assertThat(row.errors()).extracting(RowError::field).containsExactly("/items/0/attributes/a~1b~0c");
    }

    @Test
    void theKindPicksTheParser() {
        assertThat(JsonRecords.forKind(ImportKind.EVENTS, ImportOptions.defaults())
                .parse(Map.of("type", "login"), "/0").errors()).extracting(RowError::field)
                .contains("/0/occurred_at", "/0");
    }
}
