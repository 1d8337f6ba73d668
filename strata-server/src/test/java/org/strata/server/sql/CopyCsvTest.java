package org.strata.server.sql;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopyCsvTest {

    @Test
    void quotesEveryValueDoublesQuotesAndLeavesNullUnquotedEmpty() throws IOException {
        List<Object[]> rows = List.<Object[]>of(
                new Object[] {1L, "say \"hi\", 你好", null, new BigDecimal("1E+3"),
                        OffsetDateTime.of(2026, 3, 1, 14, 5, 0, 0, ZoneOffset.ofHours(8))},
                new Object[] {2L, "", "line\nbreak", null, null});

        assertThat(readAll(new CopyCsv(rows), 7)).isEqualTo("""
                "1","say ""hi"", 你好",,"1000","2026-03-01T14:05+08:00"
                "2","","line
                break",,
                """);
    }

    @Test
    void givesEveryRowOnceHoweverTheDriverReads() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            rows.add(new Object[] {i, "row " + i});
            expected.append('"').append(i).append("\",\"row ").append(i).append("\"\n");
        }

        assertThat(readAll(new CopyCsv(rows), 1)).isEqualTo(expected.toString());
        assertThat(readAll(new CopyCsv(rows), 65_536)).isEqualTo(expected.toString());
        assertThat(readAll(new CopyCsv(List.of()), 10)).isEmpty();
    }

    private static String readAll(CopyCsv csv, int bufferSize) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[bufferSize];
        for (int n = csv.read(buffer, 0, buffer.length); n != -1; n = csv.read(buffer, 0, buffer.length)) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }
}
