package org.strata.server.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImportTest {

    @TempDir
    Path dir;

    @Test
    void readsGenOrdersCustomersAndOrders() throws IOException {
        Path customers = write("customers.csv", """
                customer_id,name,phone,email,owner,industry,region,created_at
                C1,客户1,13912345678,c1@example.cn,zhang.wei,零售,华东,2024-07-02
                C2,客户2,17000000001,c2@example.cn,li.na,制造,华北,2024-08-15
                """);
        List<ParsedRow<CustomerRecord>> rows = readAll(ImportReaders.customers(customers, ImportOptions.defaults()));
        assertThat(rows).allMatch(ParsedRow::accepted);
        CustomerRecord first = rows.get(0).record();
        assertThat(first.externalId()).isEqualTo("C1");
        assertThat(first.name()).isEqualTo("客户1");
        assertThat(first.phone()).isEqualTo("+8613912345678");
        assertThat(first.email()).isEqualTo("c1@example.cn");
        assertThat(first.owner()).isEqualTo("zhang.wei");
        assertThat(first.industry()).isEqualTo("零售");
        assertThat(first.region()).isEqualTo("华东");
        assertThat(first.createdAt()).isEqualTo(OffsetDateTime.parse("2024-07-02T00:00:00+08:00"));
        assertThat(first.source()).isEqualTo("import");
        assertThat(first.attributes()).isEmpty();

        Path orders = write("orders.csv", """
                order_id,customer_id,ordered_at,amount
                O1-0,C1,2024-07-02 03:25:46,123.45
                O1-1,C1,2025-01-13 18:00:00,8.10
                """);
        List<ParsedRow<OrderRecord>> orderRows = readAll(ImportReaders.orders(orders, ImportOptions.defaults()));
        assertThat(orderRows).extracting(ParsedRow::line).containsExactly(2L, 3L);
        OrderRecord order = orderRows.get(0).record();
        assertThat(order.orderNo()).isEqualTo("O1-0");
        assertThat(order.customerRef()).isEqualTo("C1");
        assertThat(order.orderedAt()).isEqualTo(OffsetDateTime.parse("2024-07-02T03:25:46+08:00"));
        assertThat(order.amount()).isEqualByComparingTo("123.45");
        assertThat(order.refundAmount()).isEqualByComparingTo("0");
        assertThat(order.currency()).isEqualTo("CNY");
        assertThat(order.status()).isEqualTo("completed");
    }

    @Test
    void lineNumbersAreTheFileLineWhereARecordStartsEvenWithEmbeddedNewlines() throws IOException {
        Path orders = write("orders.csv", "order_id,customer_id,ordered_at,amount,备注\n"
                + "A1,C1,2026-03-01,10,\"first line\nsecond line\nthird\"\n"
                + "\n"
                + "A2,C1,not a date,10,\n"
                + "A3,C1,2026-03-01,12.3.4,\"x\r\ny\"\r\n"
                + "A4,C1,2026-03-01,5");
        List<ParsedRow<OrderRecord>> rows = readAll(ImportReaders.orders(orders, ImportOptions.defaults()));
        assertThat(rows).extracting(ParsedRow::line).containsExactly(2L, 6L, 7L, 9L);
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("ordered_at");
            assertThat(e.value()).isEqualTo("not a date");
        });
        assertThat(rows.get(2).errors()).extracting(RowError::field).containsExactly("amount");
        assertThat(rows.get(3).record().amount()).isEqualByComparingTo("5");
    }

    @Test
    void titleRowsAboveTheHeaderAreSkipped() throws IOException {
        Path orders = write("export.csv", """
                2026年3月订单明细,,,
                导出时间：2026-04-01 09:00,,,

                订单编号,客户编号,下单时间,实付金额
                D1,K1,2026-03-01,10
                """);
        try (ParsedRows<OrderRecord> rows = ImportReaders.orders(orders, ImportOptions.defaults())) {
            assertThat(rows.headerLine()).isEqualTo(4);
            assertThat(rows.mapping().headers()).containsExactly("订单编号", "客户编号", "下单时间", "实付金额");
            ParsedRow<OrderRecord> row = rows.next();
            assertThat(row.line()).isEqualTo(5);
            assertThat(row.record().orderNo()).isEqualTo("D1");
            assertThat(rows.hasNext()).isFalse();
        }
    }

    @Test
    void withoutARecognisableHeaderTheFirstRowIsTheHeaderAndTheErrorShowsIt() throws IOException {
        Path orders = write("odd.csv", "a,b,c\n1,2,3\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportReaders.orders(orders, ImportOptions.defaults()))
                .isInstanceOf(org.strata.server.ingest.ImportFileException.class)
                .hasMessageContaining("Headers found: a, b, c");
    }

    @Test
    void aBlankColumnRightOfTheHeaderIsNotAColumnButAValueThereIsReported() throws IOException {
        Path customers = write("c.csv", "customer_id,name,\nK1,张三,\nK2,李四,多余\n");
        List<ParsedRow<CustomerRecord>> rows = readAll(ImportReaders.customers(customers, ImportOptions.defaults()));
        assertThat(rows.get(0).accepted()).isTrue();
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo(3));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static <T> List<ParsedRow<T>> readAll(ParsedRows<T> rows) {
        List<ParsedRow<T>> out = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }
}
