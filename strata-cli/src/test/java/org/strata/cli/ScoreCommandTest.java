package org.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    int strata(String... args) {
        CommandLine command = new CommandLine(new StrataCommand());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    Path orders() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, """
                order_id,customer_id,ordered_at,amount
                O1,C1,2026-06-30 10:00:00,100.00
                O2,C1,2026-06-01 10:00:00,50.50
                O3,C2,2026-03-01 09:00:00,"¥1,200.00"
                O4,C3,2025-07-01 08:00:00,10
                O5,C3,2026-07-05 08:00:00,999
                """, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesOneRowPerCustomerWithTheAgreedLeadingColumns() throws IOException {
        Path out = dir.resolve("tiers.csv");
        int exit = strata("score", "--orders", orders().toString(), "--as-of", "2026-07-01", "--out", out.toString());
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,"
                + "rfm_segment,tier,avg_order_value,tenure_days,first_order_date,last_order_date");
        assertThat(lines).hasSize(4);
        // three buyers, score = floor(rank * 5 / 3) + 1 with rank 0, 1, 2 -> 1, 2, 4; ties share the lowest rank
        // C1: last purchase 2026-06-30 -> 1 day; 2 purchases; 150.5
        assertThat(lines.get(1)).startsWith("C1,1,2,150.5,4,4,2,");
        assertThat(lines.get(2)).startsWith("C2,122,1,1200,2,1,4,");
        // C3's order of 2026-07-05 is after the as-of date and ignored
        assertThat(lines.get(3)).startsWith("C3,365,1,10,1,1,1,");
        assertThat(err.toString()).contains("scored 3 customers from 5 orders as of 2026-07-01");
    }

    @Test
    void asOfDefaultsToTheDayAfterTheLastOrder() throws IOException {
        Path out = dir.resolve("tiers.csv");
        assertThat(strata("score", "--orders", orders().toString(), "--scheme", "rfm8", "--out", out.toString()))
                .isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(3)).startsWith("C3,1,2,1009,"); // as of 2026-07-06, both of C3's orders count
        assertThat(lines.get(0)).contains(",rfm8_class");
        int classColumn = List.of(lines.get(0).split(",")).indexOf("rfm8_class");
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            assertThat(values[8]).as("tier is the rfm8 class").isEqualTo(values[classColumn]).isNotEmpty();
        }
    }

    @Test
    void mistakesAreReportedWithWhereAndWhat() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "customer_id,ordered_at,amount\nC1,yesterday,5\n");
        assertThat(strata("score", "--orders", bad.toString(), "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv line 2, column 2 (ordered_at): cannot read 'yesterday'");
        assertThat(strata("score", "--orders", orders().toString(), "--scheme", "gold", "--out",
                dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scheme 'gold'; presets are rfm11, rfm8, abc, pyramid, lifecycle");
    }

    @Test
    void inChineseTheMistakesAndTheSummaryAreChinese() throws IOException {
        Path out = dir.resolve("tiers.csv");
        assertThat(strata("score", "--lang", "zh-CN", "--orders", orders().toString(), "--scheme", "gold", "--out",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("未知方案“gold”；可选预设：rfm11、rfm8、abc、pyramid、lifecycle");
        assertThat(strata("score", "--lang", "zh-CN", "--orders", dir.resolve("none.csv").toString(), "--out",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.csv：文件不存在");
        assertThat(strata("score", "--lang", "zh-CN", "--orders", orders().toString(), "--as-of", "2026-07-01",
                "--out", out.toString())).isZero();
        assertThat(err.toString()).contains("已为 3 位客户评分（5 笔订单，截至 2026-07-01）").contains("各层人数：");
    }

    @Test
    void customersFileAddsAttributesAndCustomersWithoutOrders() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, """
                customer_id,name,region,industry,owner,created_at,tags,credit_limit
                C9,客户9,华东,制造,li.na,2024-01-01,vip;key,5000
                C1,客户1,华北,零售,wang.fang,2025-01-01,,100
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("tiers.csv");
        assertThat(strata("score", "--orders", orders().toString(), "--customers", customers.toString(), "--as-of",
                "2026-07-01", "--out", out.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).endsWith(",region,industry,owner,customer_type,tags,cf_credit_limit")
                .doesNotContain("name");
        assertThat(lines.get(1)).startsWith("C9,,0,0,,,,no_purchase,no_purchase,").endsWith(",华东,制造,li.na,,vip;key,5000");
        assertThat(lines.get(2)).startsWith("C1,1,2,150.5,");
        assertThat(lines).hasSize(5);
    }

    @Test
    void anOrdersFileWithoutRowsIsNotScored() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "order_id,customer_id,ordered_at,amount\n");
        assertThat(strata("score", "--orders", empty.toString(), "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("holds no orders");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void otherBinsScoreOneToKAndAreRefusedForTheElevenSegmentMap() throws IOException {
        Path out = dir.resolve("tiers.csv");
        assertThat(strata("score", "--orders", orders().toString(), "--bins", "3", "--scheme", "abc", "--as-of",
                "2026-07-01", "--out", out.toString())).as(err.toString()).isZero();
        // three buyers, k = 3: ranks 0, 1, 2 -> scores 1, 2, 3; the 11-segment map needs 5 bins, so it is empty;
        // ABC: C2 (1200 of 1360.5) is A, C1 starts at 88% and is B
        assertThat(Files.readAllLines(out).get(1)).startsWith("C1,1,2,150.5,3,3,2,,b,");
        assertThat(strata("score", "--orders", orders().toString(), "--bins", "3", "--out", out.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("the rfm11 scheme maps scores 1-5");
    }
}
