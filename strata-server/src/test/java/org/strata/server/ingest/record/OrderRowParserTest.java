package org.strata.server.ingest.record;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRowParserTest {

    @Test
    void aBrokenFileRejectsEachBadRowWithAllItsErrorsAndKeepsTheGoodOnes() {
        List<ParsedRow<OrderRecord>> rows = CsvFixture.read(ImportKind.ORDERS, OrderRecord.class, """
                订单编号,客户编号,手机号,下单时间,订单金额
                D1,K1,13800138000,2026-03-01 10:00:00,100
                D2,K2,12345,2026-02-30,12.3.4
                ,K3,,2026-03-01,-5
                D1,K1,,2026-03-01,100
                D4,,,2026-03-01,0
                """);
        assertThat(rows).extracting(ParsedRow::accepted).containsExactly(true, false, false, true, true);
        assertThat(rows.get(1).errors()).extracting(RowError::field, RowError::column, RowError::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customer_phone", 3, "12345"),
                        org.assertj.core.groups.Tuple.tuple("ordered_at", 4, "2026-02-30"),
                        org.assertj.core.groups.Tuple.tuple("amount", 5, "12.3.4"));
        assertThat(rows.get(1).errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(3));
        assertThat(rows.get(2).errors()).extracting(RowError::field, e -> e.reason().english())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order_id", "order_id is required"),
                        org.assertj.core.groups.Tuple.tuple("amount",
                                "must not be negative; record returns in refund_amount or with status refunded"));
        // Duplicated ids are not the reader's business: both rows are returned; storage upserts by order id.
        assertThat(rows.get(3).record().orderNo()).isEqualTo("D1");
        // A zero amount and an order without customer are accepted; the quality report lists them.
        assertThat(rows.get(4).record().amount()).isEqualByComparingTo("0");
        assertThat(rows.get(4).record().customerRef()).isNull();
    }

    @Test
    void statusRefundCostAndCurrencyAreReadAndDerived() {
        List<ParsedRow<OrderRecord>> rows = CsvFixture.read(ImportKind.ORDERS, OrderRecord.class, """
                order_id,customer_id,ordered_at,amount,margin,退款金额,币种,渠道,订单状态
                A1,C1,2026-03-01,100,30,,,天猫,已完成
                A2,C1,2026-03-01,100,,20,人民币,,
                A3,C1,2026-03-01,100,,100,USD,,
                A4,C1,2026-03-01,100,,,,,已退款
                A5,C1,2026-03-01,100,,,,,待付款
                A6,C1,2026-03-01,100,,150,元,,shipped?
                A7,C1,2026-03-01,99.999,,,dollars,,
                """);
        OrderRecord a1 = rows.get(0).record();
        assertThat(a1.cost()).isEqualByComparingTo("70");
        assertThat(a1.channel()).isEqualTo("天猫");
        assertThat(a1.status()).isEqualTo("completed");
        assertThat(a1.currency()).isEqualTo("CNY");
        assertThat(rows.get(1).record().status()).isEqualTo("partially_refunded");
        assertThat(rows.get(1).record().refundAmount()).isEqualByComparingTo("20");
        assertThat(rows.get(2).record().status()).isEqualTo("refunded");
        assertThat(rows.get(2).record().currency()).isEqualTo("USD");
        assertThat(rows.get(3).record().refundAmount()).isEqualByComparingTo("100");
        assertThat(rows.get(4).record().status()).isEqualTo("pending");
        assertThat(rows.get(5).errors()).extracting(RowError::field).containsExactly("refund_amount", "status");
        assertThat(rows.get(6).errors()).extracting(RowError::field).containsExactly("currency");
    }

    @Test
    void amountsAreRoundedHalfUpToCents() {
        List<ParsedRow<OrderRecord>> rows = CsvFixture.read(ImportKind.ORDERS, OrderRecord.class,
                "order_id,customer_id,ordered_at,amount\nA,C,2026-03-01,12.345\nB,C,2026-03-01,99999999999999999\n");
        assertThat(rows.get(0).record().amount()).hasToString("12.35");
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> assertThat(e.reason().english()).startsWith("too large"));
    }

    @Test
    void theSourceOptionNamespacesTheRecords() {
        List<ParsedRow<OrderRecord>> rows = CsvFixture.read(ImportKind.ORDERS, OrderRecord.class,
                "order_id,customer_email,ordered_at,amount\nA,Li.Na@QQ.com,2026-03-01,1\n",
                org.strata.server.ingest.read.ImportOptions.defaults().withSource("shop"));
        assertThat(rows.get(0).record().source()).isEqualTo("shop");
        assertThat(rows.get(0).record().customerEmail()).isEqualTo("li.na@qq.com");
    }
}
