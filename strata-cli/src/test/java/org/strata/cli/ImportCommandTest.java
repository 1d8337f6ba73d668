package org.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `strata import` run in-process against an embedded H2 database in a temporary data folder. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int strata(String... args) {
        CommandLine command = new CommandLine(new StrataCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aCleanFileExitsZeroAndImportingItAgainChangesNothing() throws IOException {
        Path orders = file("orders.csv", "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-01,10\n"
                + "O2,C1,2026-03-02,20\n");
        String data = dir.resolve("data").toString();

        assertThat(strata("import", "orders", orders.toString(), "--data", data)).isZero();
        assertThat(out.toString()).contains("2 inserted");
        assertThat(strata("import", "orders", orders.toString(), "--data", data)).isZero();
        assertThat(out.toString()).contains("0 inserted, 0 updated, 2 unchanged");
        assertThat(Files.exists(dir.resolve("orders.csv.errors.csv"))).isFalse();
    }

    @Test
    void rejectedRowsExitTwoAndAreWrittenToTheReportNextToTheFile() throws IOException {
        Path customers = file("customers.csv", "客户编号,客户名称,手机号\nC1,张伟,13800000001\nC2,李娜,12345\n");

        int exit = strata("import", "customers", customers.toString(), "--data", dir.resolve("data").toString());

        assertThat(exit).isEqualTo(ImportCommand.ROWS_REJECTED);
        Path report = dir.resolve("customers.csv.errors.csv");
        assertThat(out.toString()).contains("1 rejected").contains(report.toString());
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("line,column,field,value,reason")
                .contains("3,3,phone,12345,");
    }

    @Test
    void aFileThatCannotBeImportedExitsOneAndSaysWhy() throws IOException {
        Path empty = file("orders.csv", "");
        String data = dir.resolve("data").toString();

        assertThat(strata("import", "orders", empty.toString(), "--data", data)).isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("orders.csv");
        assertThat(strata("import", "orders", dir.resolve("missing.csv").toString(), "--data", data))
                .isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("no such file");
        assertThat(strata("import", "invoices", empty.toString(), "--data", data)).isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("order-lines");
    }

    @Test
    void inChineseAnUnknownKindAndAMissingFileAreSaidInChinese() throws IOException {
        Path empty = file("orders.csv", "");
        String data = dir.resolve("data").toString();
        assertThat(strata("import", "--lang", "zh-CN", "invoices", empty.toString(), "--data", data))
                .isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("未知的导入类型“invoices”；应为以下之一：customers、orders、order-lines、events");
        assertThat(strata("import", "--lang", "zh-CN", "orders", dir.resolve("missing.csv").toString(), "--data",
                data)).isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("文件不存在：");
    }

    @Test
    void helpDescribesTheOptionsAndExitCodes() {
        assertThat(strata("import", "--help")).isZero();
        assertThat(out.toString()).contains("--mapping", "--encoding", "--source", "--errors", "--db", "--data",
                "Exit codes", "2   some rows were rejected");
    }
}
