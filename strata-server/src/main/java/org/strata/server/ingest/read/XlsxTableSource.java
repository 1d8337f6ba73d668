package org.strata.server.ingest.read;

import com.github.pjfanning.xlsx.SharedStringsImplementationType;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows of one sheet of an .xlsx workbook, streamed (excel-streaming-reader keeps a small window of rows in memory,
 * so a sheet of millions of rows does not load at once). The line of a row is its Excel row number.
 * <p>
 * Cells become the text the value parsers read: a date-formatted cell becomes {@code yyyy-MM-dd HH:mm:ss} (local
 * time, read in the configured zone); a number becomes its plain decimal with Excel's 15 significant digits, so an id
 * stored as a number, 17850, reads {@code 17850} and 0.1+0.2 reads {@code 0.3}. A number in a date column is read as
 * an Excel serial date by the date parser.
 */
final class XlsxTableSource implements TableSource {

    private static final DateTimeFormatter CELL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final long totalBytes;
    private final int lastRowNumber;
    private final Runnable onClose;
    private volatile int currentRowNumber;

    XlsxTableSource(File file, long totalBytes, String sheetRef, String fileName, Runnable onClose) {
        this.totalBytes = totalBytes;
        this.onClose = onClose;
        try {
            // The read-only shared-string table keeps every distinct text of the workbook as a plain String (tens of
            // MB for a million distinct order ids) rather than as XML beans; a temp-file table would need the extra
            // poi-shared-strings library, which a sheet's maximum of 1,048,576 rows does not justify.
            StreamingReader.Builder builder = StreamingReader.builder().rowCacheSize(200).bufferSize(16 * 1024)
                    .setSharedStringsImplementationType(SharedStringsImplementationType.POI_READ_ONLY)
                    .setReadComments(false).setReadHyperlinks(false).setReadShapes(false);
            this.workbook = builder.open(file);
        } catch (RuntimeException e) {
            onClose.run();
            throw new ImportFileException(0, ImportMessages.workbookUnreadable(fileName, e.getMessage()), e);
        }
        Sheet sheet = sheet(sheetRef, fileName);
        this.lastRowNumber = sheet.getLastRowNum() + 1;
        this.rows = sheet.rowIterator();
    }

    private Sheet sheet(String ref, String fileName) {
        if (ref == null || ref.isBlank()) {
            return workbook.getSheetAt(0);
        }
        // Looked up by index: the streaming workbook throws, rather than returning null, for an unknown name.
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetName(i).equals(ref.strip())) {
                return workbook.getSheetAt(i);
            }
        }
        if (ref.strip().chars().allMatch(Character::isDigit) && ref.strip().length() < 4) {
            int number = Integer.parseInt(ref.strip());
            if (number >= 1 && number <= workbook.getNumberOfSheets()) {
                return workbook.getSheetAt(number - 1);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        close();
        throw new ImportFileException(ImportMessages.noSuchSheet(fileName, ref, names));
    }

    @Override
    public TableRow next() {
        while (rows.hasNext()) {
            Row row = rows.next();
            currentRowNumber = row.getRowNum() + 1;
            int width = Math.max(row.getLastCellNum(), 0);
            String[] cells = new String[width];
            boolean any = false;
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                if (c < width) {
                    cells[c] = text(cell, cell.getCellType());
                    any |= cells[c] != null && !cells[c].isBlank();
                }
            }
            if (any) {
                return new TableRow(currentRowNumber, cells);
            }
        }
        currentRowNumber = lastRowNumber;
        return null;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? dateText(cell.getLocalDateTimeCellValue())
                    : numberText(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> null;
        };
    }

    private static String dateText(LocalDateTime value) {
        return value == null ? null : value.withNano(0).format(CELL_DATE);
    }

    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.XLSX;
    }

    @Override
    public Charset encoding() {
        return null;
    }

    /** Estimated from the row position: the sheet XML is read inside the zip, so its bytes cannot be counted. */
    @Override
    public long bytesRead() {
        if (totalBytes <= 0 || lastRowNumber <= 0) {
            return 0;
        }
        return Math.min(totalBytes, totalBytes * currentRowNumber / lastRowNumber);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            onClose.run();
        }
    }
}
