package org.strata.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

class TableCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void formatsEveryColumnType() throws IOException {
        BitSet nullSecond = new BitSet();
        nullSecond.set(1);
        BitSet trueFirst = new BitSet();
        trueFirst.set(0);
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("n", new NumberColumn(new double[] {1234.5, 0, -0.004}, nullSecond));
        columns.put("m", NumberColumn.of(-12, 2.675, 1e15));
        columns.put("t", new TextColumn(new String[] {"a,b", "say \"hi\"", "华东"}));
        columns.put("d", new DateColumn(new int[] {20635, 0, -1}, nullSecond));
        columns.put("b", new BooleanColumn(3, trueFirst, nullSecond));
        columns.put("tags", new TagColumn(3, Map.of("vip", trueFirst)));
        FeatureTable table = new FeatureTable(new String[] {"C1", "C2", "C3"}, columns);
        Path out = dir.resolve("t.csv");
        TableCsvWriter.write(table, List.of("n", "m", "t", "d", "b", "tags"), out);
        assertThat(Files.readAllLines(out)).containsExactly(
                "customer_id,n,m,t,d,b,tags",
                "C1,1234.5,-12,\"a,b\",2026-07-01,true,vip",
                "C2,,2.68,\"say \"\"hi\"\"\",,,",
                "C3,0,1.0E15,华东,1969-12-31,false,");
    }

    @Test
    void longAndNonAsciiTextsAndIdsAreWrittenWholeWithTheCellsAfterThem() throws IOException {
        String longText = "x".repeat(5_000) + ",y";
        String longId = "客户-" + "9".repeat(300);
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("t", new TextColumn(new String[] {longText, "Ŏ𝄞", null}));
        columns.put("n", NumberColumn.of(-0.5, 1e13, 3));
        FeatureTable table = new FeatureTable(new String[] {longId, "a\"b", "ŁA"}, columns);
        Path out = dir.resolve("texts.csv");
        TableCsvWriter.write(table, List.of("t", "n"), out);
        assertThat(Files.readAllLines(out)).containsExactly(
                "customer_id,t,n",
                longId + ",\"" + longText + "\",-0.5",
                "\"a\"\"b\",Ŏ𝄞,1.0E13",
                "ŁA,,3");
    }

    @Test
    void manyRowsWrittenByTwoThreadsStayInOrder() throws IOException {
        int n = 100_000;
        double[] values = IntStream.range(0, n).asDoubleStream().toArray();
        String[] ids = IntStream.range(0, n).mapToObj(i -> "C" + i).toArray(String[]::new);
        FeatureTable table = new FeatureTable(ids, Map.of("v", NumberColumn.of(values)));
        Path out = dir.resolve("many.csv");
        TableCsvWriter.write(table, List.of("v"), out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n + 1);
        for (int i = 0; i < n; i += 997) {
            assertThat(lines.get(i + 1)).isEqualTo("C" + i + "," + i);
        }
        assertThat(lines.get(n)).isEqualTo("C" + (n - 1) + "," + (n - 1));
    }
}
