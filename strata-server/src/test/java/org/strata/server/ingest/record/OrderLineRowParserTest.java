package org.strata.server.ingest.record;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderLineRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.ingest.read.ParsedRows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLineRowParserTest {

    private static final Path ONLINE_RETAIL = Path.of("/work/shared/data/online-retail/by-day/2010-12-01.csv");

    @Test
    void uciOnlineRetailLinesParseIntoSensibleRecords() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ONLINE_RETAIL), "shared UCI data not on this machine");
        List<ParsedRow<OrderLineRecord>> rows = new ArrayList<>();
        try (ParsedRows<OrderLineRecord> parsed = ImportReaders.orderLines(ONLINE_RETAIL,
                ImportOptions.defaults().withSource("uci").withDefaultCurrency("GBP"))) {
            assertThat(parsed.mapping().unmappedHeaders()).containsExactly("Country");
            parsed.forEachRemaining(rows::add);
        }
        long fileLines;
        try (Stream<String> lines = Files.lines(ONLINE_RETAIL)) {
            fileLines = lines.count();
        }
        assertThat(rows).hasSize((int) fileLines - 1);
        assertThat(rows).allSatisfy(row -> assertThat(row.errors()).isEmpty());

        OrderLineRecord first = rows.get(0).record();
        assertThat(first.orderNo()).isEqualTo("536365");
        assertThat(first.customerRef()).isEqualTo("17850");
        assertThat(first.sku()).isEqualTo("85123A");
        assertThat(first.quantity()).isEqualByComparingTo("6");
        assertThat(first.unitPrice()).isEqualByComparingTo("2.55");
        assertThat(first.currency()).isEqualTo("GBP");
        assertThat(first.lineNo()).isEqualTo("2");
        assertThat(first.cancelled()).isFalse();
        assertThat(first.orderedAt()).hasToString("2010-12-01T08:26+08:00");

        List<OrderLineRecord> cancellations = rows.stream().map(ParsedRow::record)
                .filter(OrderLineRecord::cancelled).toList();
        assertThat(cancellations).isNotEmpty().allSatisfy(line -> {
            assertThat(line.orderNo()).startsWith("C");
            assertThat(line.quantity()).isNegative();
        });
        assertThat(rows.stream().map(ParsedRow::record).filter(r -> r.customerRef() == null)).isNotEmpty();
    }

    @Test
    void aCancelledColumnWinsOverTheInvoicePrefixAndPricesMustNotBeNegative() {
        List<ParsedRow<OrderLineRecord>> rows = CsvFixture.read(ImportKind.ORDER_LINES, OrderLineRecord.class, """
                订单号,行号,客户编号,下单时间,商品编码,数量,单价,是否取消
                C100,1,K1,2026-03-01,SKU1,2,9.9,否
                A100,1,K1,2026-03-01,SKU1,-1,9.9,是
                A101,1,K1,2026-03-01,SKU1,1,-9.9,maybe
                """);
        assertThat(rows.get(0).record().cancelled()).isFalse();
        assertThat(rows.get(0).record().lineNo()).isEqualTo("1");
        assertThat(rows.get(1).record().cancelled()).isTrue();
        assertThat(rows.get(2).errors()).extracting(RowError::field).containsExactly("unit_price", "cancelled");
    }
}
