package org.strata.server.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.server.ingest.read.CsvImportTest.readAll;

/** Encodings, delimiters and files that are not what they should be. */
class FileDetectionTest {

    /** ￥ (full-width) rather than ¥: it is what Chinese Windows types, and GBK has no ¥ (U+00A5). */
    private static final String CHINESE_ORDERS = """
            订单编号,客户编号,下单时间,实付金额,备注
            D001,K001,2026/3/1 14:05,"￥1,234.50",首单
            D002,K002,2026年3月2日,88元,老客户
            """;

    @TempDir
    Path dir;

    @Test
    void chineseExcelCsvInGbkIsDetected() throws IOException {
        for (String charset : new String[] {"GBK", "GB18030"}) {
            Path file = write("gbk.csv", CHINESE_ORDERS.getBytes(Charset.forName(charset)));
            try (ParsedRows<OrderRecord> rows = ImportReaders.orders(file, ImportOptions.defaults())) {
                assertThat(rows.encoding().name()).isEqualTo("GB18030");
                assertThat(rows.mapping().fieldsToHeaders()).containsEntry("amount", "实付金额");
                ParsedRow<OrderRecord> first = rows.next();
                assertThat(first.record().amount()).isEqualByComparingTo("1234.50");
                assertThat(first.record().customerRef()).isEqualTo("K001");
            }
        }
    }

    @Test
    void utf8WithAndWithoutBomAndUtf16WithBomAreRead() throws IOException {
        byte[] utf8 = CHINESE_ORDERS.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CHINESE_ORDERS.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = CHINESE_ORDERS.getBytes(StandardCharsets.UTF_16);  // Java writes a big-endian BOM
        for (byte[] content : List.of(utf8, withBom, utf16le, utf16be)) {
            List<ParsedRow<OrderRecord>> rows = readAll(ImportReaders.orders(write("o.csv", content),
                    ImportOptions.defaults()));
            assertThat(rows).hasSize(2).allMatch(ParsedRow::accepted);
            assertThat(rows.get(1).record().orderNo()).isEqualTo("D002");
            assertThat(rows.get(1).record().amount()).isEqualByComparingTo("88");
        }
    }

    @Test
    void excelUnicodeTextExportIsRead() throws IOException {
        // Excel's "Unicode Text (*.txt)": UTF-16LE with BOM, tab-delimited, CRLF.
        String text = "客户编号\t客户名称\t手机号\r\nK1\t张三\t138 0013 8000\r\n";
        byte[] content = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        List<ParsedRow<CustomerRecord>> rows = readAll(ImportReaders.customers(write("客户.txt", content),
                ImportOptions.defaults()));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.record().name()).isEqualTo("张三");
            assertThat(row.record().phone()).isEqualTo("+8613800138000");
        });
    }

    @Test
    void anExplicitEncodingWins() throws IOException {
        Path file = write("latin.csv", "customer_id,name\nK1,José\n".getBytes(StandardCharsets.ISO_8859_1));
        List<ParsedRow<CustomerRecord>> rows = readAll(ImportReaders.customers(file,
                ImportOptions.defaults().withEncoding("ISO-8859-1")));
        assertThat(rows.get(0).record().name()).isEqualTo("José");
    }

    @Test
    void anUnknownEncodingNameIsAFileError() {
        assertThatThrownBy(() -> ImportOptions.defaults().withEncoding("klingon-8"))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("GBK");
    }

    @Test
    void semicolonAndTabDelimitersAreDetected() throws IOException {
        for (String delimiter : new String[] {";", "\t"}) {
            String content = "order_id" + delimiter + "customer_id" + delimiter + "ordered_at" + delimiter + "amount\n"
                    + "A1" + delimiter + "C1" + delimiter + "2026-03-01" + delimiter + "1,5\n";
            List<ParsedRow<OrderRecord>> rows = readAll(ImportReaders.orders(write("d.csv",
                    content.getBytes(StandardCharsets.UTF_8)), ImportOptions.defaults()));
            assertThat(rows).singleElement().satisfies(row -> assertThat(row.errors()).singleElement()
                    .satisfies(e -> assertThat(e.value()).isEqualTo("1,5")));
        }
    }

    @Test
    void delimitersAreGivenAsTypedOnACommandLine() {
        assertThat(ImportOptions.defaults().withDelimiter("tab").delimiter()).isEqualTo('\t');
        assertThat(ImportOptions.defaults().withDelimiter("\\t").delimiter()).isEqualTo('\t');
        assertThat(ImportOptions.defaults().withDelimiter("|").delimiter()).isEqualTo('|');
        assertThat(ImportOptions.defaults().withDelimiter("").delimiter()).isNull();
        assertThatThrownBy(() -> ImportOptions.defaults().withDelimiter("ab"))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("one character");
    }

    @Test
    void anExplicitDelimiterIsUsed() throws IOException {
        Path file = write("p.csv", "order_id|customer_id|ordered_at|amount\nA1|C1|2026-03-01|1,234.50\n"
                .getBytes(StandardCharsets.UTF_8));
        List<ParsedRow<OrderRecord>> rows = readAll(ImportReaders.orders(file, ImportOptions.defaults().withDelimiter("|")));
        assertThat(rows.get(0).record().amount()).isEqualByComparingTo("1234.50");
    }

    @Test
    void anUnquotedDelimiterInAValueRejectsTheShiftedRow() throws IOException {
        Path file = write("o.csv", "order_id,customer_id,ordered_at,amount\nA1,C1,2026-03-01,1,234.50\n"
                .getBytes(StandardCharsets.UTF_8));
        ParsedRow<OrderRecord> row = readAll(ImportReaders.orders(file, ImportOptions.defaults())).get(0);
        assertThat(row.accepted()).isFalse();
        assertThat(row.errors().get(0).reason().english()).contains("5 values", "4 columns", "delimiter ','");
        assertThat(row.errors().get(0).column()).isEqualTo(5);
    }

    @Test
    void anEmptyFileIsAFileError() throws IOException {
        for (byte[] empty : List.of(new byte[0], "\n\n  \n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            Path file = write("empty.csv", empty);
            assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessageContaining("empty.csv is empty").hasMessageContaining("header row");
        }
    }

    @Test
    void aHeaderOnlyFileIsValidWithZeroRows() throws IOException {
        Path file = write("h.csv", "order_id,customer_id,ordered_at,amount\n".getBytes(StandardCharsets.UTF_8));
        try (ParsedRows<?> rows = ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults())) {
            assertThat(rows.hasNext()).isFalse();
            assertThat(rows.rowsRead()).isZero();
            assertThat(rows.bytesRead()).isEqualTo(rows.totalBytes());
        }
    }

    @Test
    void aPictureIsNotACsv() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = write("orders.csv", png);
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("orders.csv is not a CSV or Excel file but a PNG image");
    }

    @Test
    void unknownBinaryContentIsNotACsv() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 'x';  // no known magic number
        Path file = write("data.csv", binary);
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("binary data");
    }

    @Test
    void aZipThatIsNotAWorkbookIsNotACsv() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("orders.csv"));
            out.write("order_id\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = write("orders.zip", zip.toByteArray());
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("a ZIP archive");
    }

    @Test
    void aLegacyXlsIsRefusedWithAdvice() throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        Path file = write("old.xls", ole2);
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.CUSTOMERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("save it as .xlsx");
    }

    @Test
    void missingRequiredColumnsNameTheFieldTheHeadersFoundAndTheAcceptedNames() throws IOException {
        Path file = write("o.csv", "订单编号,客户编号,下单时间,备注\nD1,K1,2026-03-01,x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("no column for amount")
                .hasMessageContaining("amount, 实付金额, 实收金额")
                .hasMessageContaining("Headers found: 订单编号, 客户编号, 下单时间, 备注")
                .hasMessageEndingWith("e.g. --mapping amount=<header or column number>");
    }

    @Test
    void anOrdersFileWithoutAnyCustomerColumnIsAFileError() throws IOException {
        Path file = write("o.csv", "order_id,ordered_at,amount\nA,2026-03-01,1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("need one of customer_id, customer_phone, customer_email");
    }

    @Test
    void anUnclosedQuoteIsAFileErrorAtTheLineWhereTheRecordStarts() throws IOException {
        Path file = write("o.csv", "order_id,customer_id,ordered_at,amount\nA1,C1,2026-03-01,1\nA2,\"C2,2026-03-01,1\nA3\n"
                .getBytes(StandardCharsets.UTF_8));
        try (ParsedRows<?> rows = ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults())) {
            assertThat(rows.next().accepted()).isTrue();
            assertThatThrownBy(rows::next).isInstanceOf(ImportFileException.class)
                    .satisfies(e -> assertThat(((ImportFileException) e).line()).isEqualTo(3))
                    .hasMessageContaining("closing quote");
            assertThat(rows.hasNext()).isFalse();
        }
    }

    @Test
    void anUnclosedQuoteFarIntoTheFileStopsReadingThereAfterTheGoodRows() throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,amount\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("A").append(i).append(",C1,2026-03-01,1\n");
        }
        csv.append("B1,\"C2,2026-03-01,1\nB2,C1,2026-03-01,1\n");
        Path file = write("o.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        try (ParsedRows<?> rows = ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults())) {
            for (int i = 0; i < 20; i++) {
                assertThat(rows.next().accepted()).isTrue();
            }
            assertThatThrownBy(rows::hasNext).isInstanceOf(ImportFileException.class)
                    .satisfies(e -> assertThat(((ImportFileException) e).line()).isEqualTo(22));
            assertThat(rows.hasNext()).isFalse();
        }
    }

    @Test
    void uploadsAreReadFromAStream() throws IOException {
        byte[] content = CHINESE_ORDERS.getBytes(Charset.forName("GBK"));
        try (ParsedRows<?> rows = ImportReaders.open(ImportKind.ORDERS, new ByteArrayInputStream(content), "上传.csv",
                content.length, ImportOptions.defaults())) {
            assertThat(rows.totalBytes()).isEqualTo(content.length);
            assertThat(rows.next().accepted()).isTrue();
            assertThat(rows.next().accepted()).isTrue();
            assertThat(rows.hasNext()).isFalse();
            assertThat(rows.bytesRead()).isEqualTo(content.length);
        }
    }

    @Test
    void aBinaryUploadIsRefusedWithItsName() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImportReaders.open(ImportKind.ORDERS, new ByteArrayInputStream(pdf), "报表.csv", -1,
                ImportOptions.defaults())).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("报表.csv is not a CSV or Excel file but a PDF document");
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
