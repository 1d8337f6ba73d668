package org.strata.server.ingest.record;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ParsedRow;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRowParserTest {

    private static final String EVENTS = """
            客户编号,事件类型,发生时间,页面,"说明"
            K1,visit,2026-03-01 10:00:00,/home,"含""引号""和
            换行"
            K1,login,2026-03-01 10:05:00,,
            """;

    @Test
    void remainingColumnsBecomePropertiesAsJsonWithSortedKeys() {
        List<ParsedRow<EventRecord>> rows = CsvFixture.read(ImportKind.EVENTS, EventRecord.class, EVENTS);
        EventRecord visit = rows.get(0).record();
        assertThat(visit.type()).isEqualTo("visit");
        assertThat(visit.customerRef()).isEqualTo("K1");
        assertThat(visit.propertiesJson()).isEqualTo("{\"说明\":\"含\\\"引号\\\"和\\n换行\",\"页面\":\"/home\"}");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).record().propertiesJson()).isNull();
    }

    @Test
    void withoutAnEventIdTheKeyIsDerivedAndStableAcrossReimports() {
        List<ParsedRow<EventRecord>> first = CsvFixture.read(ImportKind.EVENTS, EventRecord.class, EVENTS);
        List<ParsedRow<EventRecord>> again = CsvFixture.read(ImportKind.EVENTS, EventRecord.class, EVENTS);
        assertThat(first.get(0).record().eventKey()).startsWith("sha256:").hasSize(71)
                .isEqualTo(again.get(0).record().eventKey())
                .isNotEqualTo(first.get(1).record().eventKey());
        // The same instant written with another offset is the same event.
        List<ParsedRow<EventRecord>> utc = CsvFixture.read(ImportKind.EVENTS, EventRecord.class,
                "客户编号,事件类型,发生时间\nK1,login,2026-03-01T02:05:00Z\n");
        assertThat(utc.get(0).record().eventKey()).isEqualTo(first.get(1).record().eventKey());
    }

    @Test
    void knownEventTypesGetTheirCanonicalNameAndOthersStayAsGiven() {
        List<ParsedRow<EventRecord>> rows = CsvFixture.read(ImportKind.EVENTS, EventRecord.class, """
                客户编号,事件类型,发生时间
                K1,登录,2026-03-01
                K1,Login,2026-03-01
                K1,工单,2026-03-01
                K1,直播观看,2026-03-01
                """);
        assertThat(rows).extracting(row -> row.record().type()).containsExactly("login", "login", "ticket", "直播观看");
    }

    @Test
    void aGivenEventIdIsTheKeyAndAnEventNeedsACustomer() {
        List<ParsedRow<EventRecord>> rows = CsvFixture.read(ImportKind.EVENTS, EventRecord.class, """
                event_id,customer_phone,type,occurred_at,score
                E-1,13800138000,nps,2026-03-01,9
                E-2,,nps,2026-03-01,7
                """);
        assertThat(rows.get(0).record().eventKey()).isEqualTo("E-1");
        assertThat(rows.get(0).record().customerPhone()).isEqualTo("+8613800138000");
        assertThat(rows.get(0).record().propertiesJson()).isEqualTo("{\"score\":\"9\"}");
        assertThat(rows.get(1).errors()).singleElement()
                .satisfies(e -> assertThat(e.reason().english()).contains("no customer key"));
    }
}
