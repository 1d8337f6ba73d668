package org.strata.engine.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The general path for files with quoted fields (a comma or line break inside a value, {@code "¥1,234.50"}): FastCSV
 * splits the records, and each record's fields are laid out in one byte buffer for the same {@link OrderRowParser}
 * the fast scanner uses.
 */
final class QuotedCsvScanner {

    private QuotedCsvScanner() {
    }

    static void scan(Path file, OrderRowParser parser) {
        int width = parser.fieldsPerRow() + 1;
        int[] start = new int[width];
        int[] end = new int[width];
        byte[] buffer = new byte[1024];
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                int fields = Math.min(record.getFieldCount(), width);
                int used = 0;
                for (int f = 0; f < fields; f++) {
                    byte[] bytes = record.getField(f).getBytes(StandardCharsets.UTF_8);
                    if (used + bytes.length > buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + bytes.length));
                    }
                    System.arraycopy(bytes, 0, buffer, used, bytes.length);
                    start[f] = used;
                    used += bytes.length;
                    end[f] = used;
                }
                parser.row(buffer, start, end, fields, record.getStartingLineNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header fields of {@code file}. */
    static String[] header(Path file) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            var records = reader.iterator();
            if (!records.hasNext()) {
                throw new CsvException(file.getFileName().toString(), 0, 0, CsvError.ORDERS_EMPTY.with());
            }
            return records.next().getFields().toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
