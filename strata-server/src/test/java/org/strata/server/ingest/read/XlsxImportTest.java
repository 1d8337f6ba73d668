package org.strata.server.ingest.read;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.ParsedRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strata.server.ingest.read.CsvImportTest.readAll;

class XlsxImportTest {

    @TempDir
    Path dir;

    @Test
    void readsDateCellsNumberCellsAndSerialDatesInTextWithExcelRowNumbersAsLines() throws IOException {
        Path file = dir.resolve("订单.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Sheet sheet = workbook.createSheet("订单");
            header(sheet, "订单编号", "客户编号", "下单时间", "实付金额", "手机号");
            Row r2 = sheet.createRow(1);
            r2.createCell(0).setCellValue("D001");
            r2.createCell(1).setCellValue(17850);                       // an id stored as a number
            r2.createCell(2).setCellValue(LocalDateTime.of(2026, 3, 1, 14, 5));
            r2.getCell(2).setCellStyle(dateStyle);
            r2.createCell(3).setCellValue(1234.5);
            r2.createCell(4).setCellValue(13800138000d);                 // a phone stored as a number
            Row r4 = sheet.createRow(3);                                 // row 3 left empty
            r4.createCell(0).setCellValue("D002");
            r4.createCell(1).setCellValue("K2");
            r4.createCell(2).setCellValue("46082.5");                    // a serial date typed as text
            r4.createCell(3).setCellFormula("0.1+0.2");
            Row r5 = sheet.createRow(4);
            r5.createCell(0).setCellValue("D003");
            r5.createCell(1).setCellValue("K3");
            r5.createCell(2).setCellValue(46082);                        // a serial date in a General cell
            r5.createCell(3).setCellValue("abc");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();  // as Excel caches results on save
            save(workbook, file);
        }
        try (ParsedRows<OrderRecord> rows = ImportReaders.orders(file, ImportOptions.defaults())) {
            assertThat(rows.format()).isEqualTo(SourceFormat.XLSX);
            assertThat(rows.encoding()).isNull();
            assertThat(rows.mapping().fieldsToHeaders()).containsEntry("customer_phone", "手机号");
            ParsedRow<OrderRecord> first = rows.next();
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.record().customerRef()).isEqualTo("17850");
            assertThat(first.record().orderedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T14:05+08:00"));
            assertThat(first.record().amount()).isEqualByComparingTo("1234.50");
            assertThat(first.record().customerPhone()).isEqualTo("+8613800138000");
            ParsedRow<OrderRecord> second = rows.next();
            assertThat(second.errors()).isEmpty();
            assertThat(second.line()).isEqualTo(4);
            assertThat(second.record().orderedAt()).isEqualTo(OffsetDateTime.parse("2026-03-01T12:00+08:00"));
            assertThat(second.record().amount()).isEqualByComparingTo("0.30");
            ParsedRow<OrderRecord> third = rows.next();
            assertThat(third.line()).isEqualTo(5);
            assertThat(third.accepted()).isFalse();
            assertThat(third.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(5);
                assertThat(e.column()).isEqualTo(4);
                assertThat(e.field()).isEqualTo("amount");
            });
            assertThat(rows.hasNext()).isFalse();
            assertThat(rows.bytesRead()).isEqualTo(rows.totalBytes());
        }
    }

    @Test
    void theSheetIsChosenByNameOrNumber() throws IOException {
        Path file = dir.resolve("c.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            header(workbook.createSheet("说明"), "这是说明页");
            Sheet customers = workbook.createSheet("客户");
            header(customers, "客户编号", "客户名称");
            Row row = customers.createRow(1);
            row.createCell(0).setCellValue("K1");
            row.createCell(1).setCellValue("华为");
            save(workbook, file);
        }
        for (String sheet : new String[] {"客户", "2"}) {
            List<ParsedRow<CustomerRecord>> rows = readAll(ImportReaders.customers(file,
                    ImportOptions.defaults().withSheet(sheet)));
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.record().name()).isEqualTo("华为"));
        }
        assertThatThrownBy(() -> ImportReaders.customers(file, ImportOptions.defaults().withSheet("订单")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("sheets: 说明, 客户");
    }

    @Test
    void aTitleRowAboveTheTableIsSkipped() throws IOException {
        Path file = dir.resolve("t.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("客户名单（2026年3月）");
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("客户编号");
            header.createCell(1).setCellValue("手机号");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("K1");
            row.createCell(1).setCellValue("13800138000");
            save(workbook, file);
        }
        try (ParsedRows<CustomerRecord> rows = ImportReaders.customers(file, ImportOptions.defaults())) {
            assertThat(rows.headerLine()).isEqualTo(3);
            ParsedRow<CustomerRecord> row = rows.next();
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.record().phone()).isEqualTo("+8613800138000");
        }
    }

    @Test
    void anEmptySheetIsAFileErrorAndAHeaderOnlySheetHasNoRows() throws IOException {
        Path file = dir.resolve("e.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("空");
            header(workbook.createSheet("表头"), "customer_id", "name");
            save(workbook, file);
        }
        assertThatThrownBy(() -> ImportReaders.customers(file, ImportOptions.defaults()))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("is empty");
        assertThat(readAll(ImportReaders.customers(file, ImportOptions.defaults().withSheet("表头")))).isEmpty();
    }

    @Test
    void aWorkbookUploadIsReadFromAStreamEvenWhenNamedCsv() throws IOException {
        Path file = dir.resolve("x.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            header(sheet, "customer_id", "phone");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("K1");
            row.createCell(1).setCellValue("138 0013 8000");
            save(workbook, file);
        }
        try (InputStream in = Files.newInputStream(file);
             ParsedRows<?> rows = ImportReaders.open(ImportKind.CUSTOMERS, in, "customers.csv", Files.size(file),
                     ImportOptions.defaults())) {
            assertThat(rows.format()).isEqualTo(SourceFormat.XLSX);
            assertThat(((CustomerRecord) rows.next().record()).phone()).isEqualTo("+8613800138000");
        }
    }

    static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    static void save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
