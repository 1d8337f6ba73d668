package org.strata.server.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.strata.server.ingest.read.CsvImportTest.readAll;

/** The import's reasons as a Chinese operations lead reads them, and the same reasons in English. */
class ChineseImportErrorsTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    @Test
    void aBadDateRowSaysWhereAndWhatWouldBeRightInChinese() throws IOException {
        Path file = write("orders.csv", "订单编号,客户编号,下单时间,实付金额\nD001,K001,2026-13-01,12\n"
                .getBytes(StandardCharsets.UTF_8));
        List<ParsedRow<OrderRecord>> rows = readAll(ImportReaders.orders(file, ImportOptions.defaults()));
        RowError error = rows.get(0).errors().get(0);
        assertThat(List.of(error.line(), (long) error.column(), error.field(), error.value()))
                .containsExactly(2L, 3L, "ordered_at", "2026-13-01");
        assertThat(error.reason().code()).isEqualTo("import.error.not_a_date");
        assertThat(error.reason().text(CHINESE))
                .startsWith("不是有效日期，应为 2026-03-01、2026/3/1、20260301")
                .endsWith("等格式");
        assertThat(error.reason().text(Locale.ENGLISH)).startsWith("not a date; expected e.g. 2026-03-01");
    }

    @Test
    void aMissingRequiredColumnNamesTheKindTheColumnsAndTheHeadersInChinese() throws IOException {
        Path file = write("orders.csv", "订单编号,客户编号,实付金额\nD001,K001,12\n".getBytes(StandardCharsets.UTF_8));
        ImportFileException missing = catchThrowableOfType(ImportFileException.class,
                () -> ImportReaders.orders(file, ImportOptions.defaults()).close());
        assertThat(missing.code()).isEqualTo("import.error.missing_columns");
        assertThat(missing.text(CHINESE))
                .startsWith("订单缺少必需的列：缺少 ordered_at 列（可用表头：")
                .contains("文件中的表头：订单编号、客户编号、实付金额", "--mapping ordered_at=<表头或列号>");
        assertThat(missing.getMessage()).startsWith("missing required columns for orders: no column for ordered_at");
    }

    @Test
    void aPictureIsRefusedInChineseWithWhatToUploadInstead() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        Path file = write("客户名单.png", png);
        ImportFileException refused = catchThrowableOfType(ImportFileException.class,
                () -> ImportReaders.orders(file, ImportOptions.defaults()).close());
        assertThat(refused.code()).isEqualTo("import.error.not_readable");
        assertThat(refused.text(CHINESE)).isEqualTo("客户名单.png 不是 CSV 或 Excel 文件，而是PNG 图片；"
                + "请上传 CSV 文本文件（UTF-8 或 GBK 编码）或 Excel .xlsx 工作簿");
        assertThat(refused.getMessage()).isEqualTo("客户名单.png is not a CSV or Excel file but a PNG image; "
                + "expected CSV text (UTF-8 or GBK) or an Excel .xlsx workbook");
    }

    @Test
    void anEmptyFileIsRefusedInChinese() throws IOException {
        Path file = write("empty.csv", new byte[0]);
        ImportFileException empty = catchThrowableOfType(ImportFileException.class,
                () -> ImportReaders.orders(file, ImportOptions.defaults()).close());
        assertThat(empty.text(CHINESE)).startsWith("empty.csv 是空文件；第一行应为表头");
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }
}
