package org.strata.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.data.OrderStatus;

class OrdersCsvReaderTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    OrdersFile read(String content) throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new OrdersCsvReader(SHANGHAI).read(file, new CustomerIndex());
    }

    static LocalDate day(OrderColumns orders, int i) {
        return LocalDate.ofEpochDay(orders.epochDay()[i]);
    }

    @Test
    void readsTheYardstickFormat() throws IOException {
        OrdersFile file = read("""
                order_id,customer_id,ordered_at,amount
                O1-0,C1,2026-06-30 23:59:59,120.50
                O2-0,C2,2026-01-02 00:00:00,80
                O1-1,C1,2025-12-31 08:00:00,7.25
                """);
        OrderColumns orders = file.orders();
        assertThat(file.customers().ids()).containsExactly("C1", "C2");
        assertThat(orders.size()).isEqualTo(3);
        assertThat(orders.customer()).startsWith(0, 1, 0);
        assertThat(day(orders, 0)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(orders.amount()).startsWith(120.50, 80, 7.25);
        assertThat(Double.isNaN(orders.cost()[0])).isTrue();
        assertThat(orders.status()[0]).isEqualTo(OrderStatus.COMPLETED.code());
    }

    @Test
    void recognisesChineseHeadersStatusRefundAndCost() throws IOException {
        OrderColumns orders = read("""
                订单号,客户编号,下单时间,实付金额,订单状态,退款金额,成本
                A1,K1,2026/7/1 9:05,100,已完成,,60
                A2,K1,2026/07/02,50,已退款,20,
                A3,K2,20260703,30,已取消,,
                """).orders();
        assertThat(orders.status()).startsWith(OrderStatus.COMPLETED.code(), OrderStatus.REFUNDED.code(),
                OrderStatus.CANCELLED.code());
        assertThat(orders.refund()).startsWith(0, 20, 0);
        assertThat(orders.cost()[0]).isEqualTo(60);
        assertThat(Double.isNaN(orders.cost()[1])).isTrue();
        assertThat(day(orders, 0)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(day(orders, 2)).isEqualTo(LocalDate.of(2026, 7, 3));
    }

    @Test
    void quotedFilesAreReadByTheGeneralPathWithTheSameMeaning() throws IOException {
        OrderColumns orders = read("""
                customer_id,ordered_at,amount,note
                "C1",2026-06-30,"¥1,234.50","gift, wrapped"
                C2,2026-06-29,-12,"refund
                spanning lines"
                """).orders();
        assertThat(orders.amount()[0]).isEqualTo(1234.50);
        assertThat(orders.status()[1]).isEqualTo(OrderStatus.RETURN.code());
        assertThat(orders.refund()[1]).isEqualTo(12);
        assertThat(orders.amount()[1]).isZero();
    }

    @Test
    void offsetsAreConvertedToTheBusinessDay() throws IOException {
        OrderColumns orders = read("""
                customer_id,ordered_at,amount
                C1,2026-06-30T20:00:00Z,1
                C1,2026-06-30T20:00:00+08:00,1
                C1,2026-06-30 20:00,1
                """).orders();
        assertThat(day(orders, 0)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(day(orders, 1)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(day(orders, 2)).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void lineItemsOfOneOrderAddUpAndSpreadsheetIdsLoseTheirDecimal() throws IOException {
        OrdersFile file = read("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,LANTERN,2,2010-12-01 08:26:00,3.00,17850.0,United Kingdom
                536366,22633,HAND WARMER,1,2010-12-01 08:28:00,1.85,,United Kingdom
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,17850.0,United Kingdom
                """);
        OrderColumns orders = file.orders();
        assertThat(file.customers().ids()).containsExactly("17850");
        assertThat(orders.size()).isEqualTo(2);
        assertThat(orders.amount()[0]).isCloseTo(21.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(orders.status()[1]).isEqualTo(OrderStatus.RETURN.code());
        assertThat(orders.refund()[1]).isEqualTo(27.50);
        assertThat(file.skippedWithoutCustomer()).isEqualTo(1);
    }

    @Test
    void crlfBomAndBlankLinesAreAccepted() throws IOException {
        OrderColumns orders = read("\uFEFFcustomer_id,ordered_at,amount\r\nC1,2026-06-30,5\r\n\r\nC2,2026-06-29,6\r\n")
                .orders();
        assertThat(orders.size()).isEqualTo(2);
        assertThat(orders.amount()).startsWith(5, 6);
    }

    @Test
    void aBadValueIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> read("""
                order_id,customer_id,ordered_at,amount
                1,C1,2026-06-30,5
                2,C1,2026-13-01,5
                """)).isInstanceOf(CsvException.class)
                .hasMessageStartingWith("orders.csv line 3, column 3 (ordered_at): cannot read '2026-13-01'");
        assertThatThrownBy(() -> read("""
                customer_id,ordered_at,amount
                C1,2026-06-30,abc
                """)).hasMessageStartingWith("orders.csv line 2, column 3 (amount): 'abc' is not an amount");
        assertThatThrownBy(() -> read("""
                customer_id,ordered_at,amount,status
                C1,2026-06-30,1,lost in mail
                """)).hasMessageContaining("line 2, column 4 (status): unknown order status 'lost in mail'");
        assertThatThrownBy(() -> read("""
                customer,when,amount
                C1,2026-06-30,1
                """)).hasMessageContaining("line 1").hasMessageContaining("lacks an order time");
    }

    @Test
    void aBadValueReadsInChineseForAChineseReader() {
        assertThatThrownBy(() -> read("""
                order_id,customer_id,ordered_at,amount
                2,C1,2026-13-01,5
                """)).isInstanceOfSatisfying(CsvException.class, e -> {
                    assertThat(e.code()).isEqualTo("csv.error.not_an_order_time");
                    assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith(
                            "orders.csv 第 2 行第 3 列（ordered_at）：无法将“2026-13-01”识别为下单时间；应为 2026-07-01");
                });
        assertThatThrownBy(() -> read("""
                who,when,amount
                C1,2026-06-30,1
                """)).isInstanceOfSatisfying(CsvException.class, e -> assertThat(e.text(java.util.Locale.CHINA))
                .contains("第 1 行：表头 [who, when, amount] 中缺少客户编号列").contains("；下单时间列"));
    }

    @Test
    void aLargeFileReadOnTwoThreadsEqualsTheSameFileReadAsOne() throws IOException {
        // > 4 MB so the reader splits it; customers recur across the split, line items straddle it
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 150_000; i++) {
            int customer = random.nextInt(20_000);
            csv.append("O").append(i / 2).append(",C").append(customer).append(",2026-0")
                    .append(1 + random.nextInt(6)).append("-1").append(random.nextInt(9)).append(" 10:00:00,")
                    .append(random.nextInt(100_000) / 100.0).append('\n');
        }
        assertSplitReadEqualsOneThreadRead(csv.toString(), "\"O-last\",C1,2026-06-30,1\n");
    }

    @Test
    void shortRowsOutgrowTheShareOfTheArraysEachHalfWasGiven() throws IOException {
        // ~17 bytes per row: both halves hold more orders than the 40-bytes-per-row guess made room for
        StringBuilder csv = new StringBuilder("customer_id,ordered_at,amount\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            csv.append('C').append(random.nextInt(9_000)).append(",2026-06-1").append(random.nextInt(9)).append(',')
                    .append(random.nextInt(100)).append('\n');
        }
        assertSplitReadEqualsOneThreadRead(csv.toString(), "\"C1\",2026-06-30,1\n");
    }

    @Test
    void customersInRunsThatRecurLaterKeepTheirFirstAppearanceNumbersAcrossIdBatches() throws IOException {
        // new ids are looked up in batches of PendingIds.BATCH: runs of one customer (line items among them) cross
        // batch and buffer boundaries, and a third of the runs are customers seen thousands of rows before
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount\n");
        SplittableRandom random = new SplittableRandom(17);
        int order = 0;
        for (int run = 0; csv.length() < 5 << 20; run++) {
            int customer = run % 3 == 0 ? random.nextInt(run + 1) : run;
            for (int row = random.nextInt(1, 4); row > 0; row--) {
                int id = random.nextInt(4) == 0 ? order : ++order; // a quarter are second lines of an order
                csv.append("O").append(id).append(",CUST-").append(customer).append(",2026-05-")
                        .append(10 + random.nextInt(20)).append(" 08:00:00,").append(random.nextInt(1, 9_999))
                        .append('\n');
            }
        }
        assertSplitReadEqualsOneThreadRead(csv.toString(), "\"O-last\",CUST-1,2026-06-30,1\n");
    }

    /** Reads {@code csv} (over 4 MB, so it is split) and again with {@code quotedRow} added (read on one thread). */
    private void assertSplitReadEqualsOneThreadRead(String csv, String quotedRow) throws IOException {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, csv);
        assertThat(Files.size(big)).isGreaterThan(4 << 20);
        Path quoted = dir.resolve("quoted.csv");
        Files.writeString(quoted, csv + quotedRow); // one quote forces the one-thread path
        OrdersFile parallel = new OrdersCsvReader(SHANGHAI).read(big, new CustomerIndex());
        OrdersFile single = new OrdersCsvReader(SHANGHAI).read(quoted, new CustomerIndex());
        int n = parallel.orders().size();
        assertThat(single.orders().size()).isEqualTo(n + 1);
        assertThat(parallel.customers().ids()).containsExactly(
                java.util.Arrays.copyOf(single.customers().ids(), parallel.customers().size()));
        for (int i = 0; i < n; i++) {
            assertThat(parallel.orders().customer()[i]).isEqualTo(single.orders().customer()[i]);
            assertThat(parallel.orders().epochDay()[i]).isEqualTo(single.orders().epochDay()[i]);
            assertThat(parallel.orders().amount()[i]).isEqualTo(single.orders().amount()[i]);
        }
    }

    @Test
    void knownCustomersKeepTheirRowsAndNewOnesFollow() throws IOException {
        CustomerIndex index = new CustomerIndex();
        index.add("K9");
        index.add("K1");
        Path file = dir.resolve("o.csv");
        Files.writeString(file, "customer_id,ordered_at,amount\nK1,2026-06-30,5\nK5,2026-06-30,6\n");
        OrdersFile orders = new OrdersCsvReader(SHANGHAI).read(file, index);
        assertThat(index.ids()).containsExactly("K9", "K1", "K5");
        assertThat(orders.orders().customer()).startsWith(1, 2);
    }

    /** Rows of {@code lines} orders of two lines each (same order id and customer), over 4 MB so the file is split. */
    static String twoLineOrders(int orders) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount\n");
        for (int i = 0; i < orders; i++) {
            String row = "ORDER-" + i + ",CUSTOMER-" + (i % 5000) + ",2026-06-" + (10 + i % 20) + " 12:00:00,";
            csv.append(row).append("10.25\n").append(row).append("0.75\n");
        }
        return csv.toString();
    }

    @Test
    void anOrderWhoseLinesStraddleTheSplitIsStillOneOrder() throws IOException {
        // the reader splits at the first line start after the middle of the data; single-line orders in front move
        // that point until it falls between the two lines of one order
        for (int singles = 0; singles < 4; singles++) {
            StringBuilder front = new StringBuilder();
            for (int k = 0; k < singles; k++) {
                front.append("SINGLE-").append(k).append(",CUSTOMER-0,2026-06-01,11\n");
            }
            String csv = twoLineOrders(70_000).replaceFirst("amount\n", "amount\n" + front);
            int headerEnd = csv.indexOf('\n') + 1;
            int split = csv.indexOf('\n', headerEnd + (csv.length() - headerEnd) / 2) + 1;
            int previousLineStart = csv.lastIndexOf('\n', split - 2) + 1;
            String before = csv.substring(previousLineStart, csv.indexOf(',', previousLineStart));
            String after = csv.substring(split, csv.indexOf(',', split));
            if (!before.equals(after)) {
                continue;
            }
            OrderColumns orders = read(csv).orders();
            assertThat(orders.size()).isEqualTo(70_000 + singles);
            for (int i = 0; i < orders.size(); i++) {
                assertThat(orders.amount()[i]).as("order %d", i).isEqualTo(11);
            }
            return;
        }
        throw new AssertionError("no arrangement put the split inside an order");
    }

    @Test
    void anErrorInTheSecondHalfOfASplitFileNamesItsLineInTheWholeFile() throws IOException {
        String csv = twoLineOrders(70_000);
        String[] lines = csv.split("\n");
        int bad = lines.length - 10; // 0-based index in the file; line numbers start at 1
        lines[bad] = lines[bad].replace("2026-06-", "2026-02-3");
        String broken = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> read(broken)).isInstanceOf(CsvException.class)
                .hasMessageStartingWith("orders.csv line " + (bad + 1) + ", column 3 (ordered_at)");
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThatThrownBy(() -> read("customer_id,ordered_at,amount\nC1,2025-02-29,1\n"))
                .hasMessageContaining("line 2, column 2 (ordered_at): cannot read '2025-02-29'");
        assertThatThrownBy(() -> read("customer_id,ordered_at,amount\nC1,2026-06-30 24:00:00,1\n"))
                .hasMessageContaining("cannot read '2026-06-30 24:00:00'");
    }
}
