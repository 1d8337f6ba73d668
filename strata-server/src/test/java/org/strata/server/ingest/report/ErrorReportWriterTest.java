package org.strata.server.ingest.report;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportWriterTest {

    @Test
    void writesRejectedRowsAsUtf8CsvWithBomAndCountsEveryRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportSummary summary;
        try (ErrorReportWriter report = new ErrorReportWriter(out)) {
            report.write(new ParsedRow<>(2, "ok", List.of()));
            report.write(new ParsedRow<>(3, null, List.of(
                    new RowError(3, 4, "amount", "12,3.4", "not an amount; expected 1234.50"),
                    new RowError(3, 2, "ordered_at", "=HYPERLINK(\"x\")", "not a date"))));
            report.write(new ParsedRow<>(5, null, List.of(new RowError(5, 0, null, null, "no customer key"))));
            summary = report.summary();
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                line,column,field,value,reason\r
                3,4,amount,"12,3.4",not an amount; expected 1234.50\r
                3,2,ordered_at,"'=HYPERLINK(""x"")",not a date\r
                5,,,,no customer key\r
                """);
        assertThat(summary).isEqualTo(new ImportSummary(3, 1, 2, java.util.Map.of("amount", 1L, "ordered_at", 1L,
                ImportSummary.ROW, 1L)));
    }

    @Test
    void aProblemThatStoppedReadingIsALineOfTheReportButNoRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ErrorReportWriter report = new ErrorReportWriter(out)) {
            report.write(new org.strata.server.ingest.ImportFileException(7, "the CSV cannot be read from here on", null));
            assertThat(report.summary().rowsRead()).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("7,,,,the CSV cannot be read from here on\r\n");
    }

    @Test
    void negativeNumbersAreNotMistakenForFormulas() {
        assertThat(ErrorReportWriter.defused("-12.00")).isEqualTo("-12.00");
        assertThat(ErrorReportWriter.defused("-cmd")).isEqualTo("'-cmd");
        assertThat(ErrorReportWriter.defused("+86 138")).isEqualTo("'+86 138");
        assertThat(ErrorReportWriter.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ErrorReportWriter.defused(null)).isEmpty();
    }
}
