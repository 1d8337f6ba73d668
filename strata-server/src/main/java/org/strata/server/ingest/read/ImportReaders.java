package org.strata.server.ingest.read;

import org.strata.server.ingest.CustomerRecord;
import org.strata.server.ingest.EventRecord;
import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderLineRecord;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.ingest.mapping.ColumnMapping;
import org.strata.server.ingest.mapping.RecordSchema;
import org.strata.server.ingest.record.RowParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Opens an import file (CSV or .xlsx, told by content) as a stream of parsed rows. The entry point of file import
 * for the CLI and for REST uploads:
 * <pre>{@code
 * try (ParsedRows<?> rows = ImportReaders.open(ImportKind.ORDERS, file, ImportOptions.defaults())) {
 *     System.out.println(rows.mapping().describe());
 *     while (rows.hasNext()) { ParsedRow<?> row = rows.next(); ... }
 * }
 * }</pre>
 * File-level problems (empty, not CSV/Excel, missing required columns, bad mapping) throw
 * {@link ImportFileException} from {@code open}; row-level problems are rejected {@link org.strata.server.ingest.ParsedRow}s.
 */
public final class ImportReaders {

    private ImportReaders() {
    }

    public static ParsedRows<?> open(ImportKind kind, Path file, ImportOptions options) throws IOException {
        return open(kind, RowParser.forKind(kind, options), file, file.getFileName().toString(), options);
    }

    /**
     * A file kept under a name of our own (an upload's copy): {@code fileName}, the name the person gave it, is the
     * one messages name.
     */
    public static ParsedRows<?> open(ImportKind kind, Path file, String fileName, ImportOptions options)
            throws IOException {
        return open(kind, RowParser.forKind(kind, options), file, fileName, options);
    }

    /** Typed variant: {@code recordType} must be the record class of {@code kind}, e.g. OrderRecord for ORDERS. */
    public static <T> ParsedRows<T> open(ImportKind kind, Class<T> recordType, Path file, ImportOptions options)
            throws IOException {
        return open(kind, parser(kind, recordType, options), file, file.getFileName().toString(), options);
    }

    /**
     * For uploads: the stream is read to its end or until {@link ParsedRows#close()}, which also closes it.
     *
     * @param fileName the upload's file name, used in messages (the content decides the format)
     * @param size     the upload's size in bytes for progress, or -1 when unknown
     */
    public static ParsedRows<?> open(ImportKind kind, InputStream in, String fileName, long size, ImportOptions options)
            throws IOException {
        return open(kind, RowParser.forKind(kind, options), in, fileName, size, options);
    }

    public static <T> ParsedRows<T> open(ImportKind kind, Class<T> recordType, InputStream in, String fileName,
                                         long size, ImportOptions options) throws IOException {
        return open(kind, parser(kind, recordType, options), in, fileName, size, options);
    }

    public static ParsedRows<CustomerRecord> customers(Path file, ImportOptions options) throws IOException {
        return open(ImportKind.CUSTOMERS, CustomerRecord.class, file, options);
    }

    public static ParsedRows<OrderRecord> orders(Path file, ImportOptions options) throws IOException {
        return open(ImportKind.ORDERS, OrderRecord.class, file, options);
    }

    public static ParsedRows<OrderLineRecord> orderLines(Path file, ImportOptions options) throws IOException {
        return open(ImportKind.ORDER_LINES, OrderLineRecord.class, file, options);
    }

    public static ParsedRows<EventRecord> events(Path file, ImportOptions options) throws IOException {
        return open(ImportKind.EVENTS, EventRecord.class, file, options);
    }

    /** The record class each kind produces. */
    public static Class<?> recordType(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> CustomerRecord.class;
            case ORDERS -> OrderRecord.class;
            case ORDER_LINES -> OrderLineRecord.class;
            case EVENTS -> EventRecord.class;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> RowParser<T> parser(ImportKind kind, Class<T> recordType, ImportOptions options) {
        if (recordType != recordType(kind)) {
            throw new IllegalArgumentException(kind + " files hold " + recordType(kind).getSimpleName() + ", not "
                    + recordType.getSimpleName());
        }
        return (RowParser<T>) RowParser.forKind(kind, options);
    }

    private static <T> ParsedRows<T> open(ImportKind kind, RowParser<T> parser, Path file, String name,
                                          ImportOptions options) throws IOException {
        long size = Files.size(file);
        byte[] sample = new byte[FileSniffer.SAMPLE_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(sample, 0, sample.length);
        }
        FileSniffer.Sniffed sniffed = FileSniffer.sniff(sample, length, length == size, name, options);
        if (sniffed.format() == SourceFormat.XLSX) {
            return rows(kind, parser, new XlsxTableSource(file.toFile(), size, options.sheet(), name, () -> { }),
                    sheetName(name, options), options, ',');
        }
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file), 0);
        counted.skipNBytes(sniffed.bomLength());
        return csv(kind, parser, counted, size, sniffed, name, options);
    }

    private static <T> ParsedRows<T> open(ImportKind kind, RowParser<T> parser, InputStream upload, String fileName,
                                          long size, ImportOptions options) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "the upload" : fileName;
        byte[] sample = new byte[FileSniffer.SAMPLE_BYTES];
        int length = upload.readNBytes(sample, 0, sample.length);
        boolean whole = length < sample.length;
        FileSniffer.Sniffed sniffed;
        try {
            sniffed = FileSniffer.sniff(sample, length, whole, name, options);
        } catch (ImportFileException e) {
            upload.close();
            throw e;
        }
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(sample, 0, length), upload);
        if (sniffed.format() == SourceFormat.XLSX) {
            // A zip's directory is at its end: the workbook needs random access, so the upload goes to a temp file.
            Path temp = Files.createTempFile("strata-import-", ".xlsx");
            Runnable delete = () -> temp.toFile().delete();
            try (rest) {
                Files.copy(rest, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete.run();
                throw e;
            }
            return rows(kind, parser, new XlsxTableSource(temp.toFile(), Files.size(temp), options.sheet(), name,
                    delete), sheetName(name, options), options, ',');
        }
        CountingInputStream counted = new CountingInputStream(rest, 0);
        counted.skipNBytes(sniffed.bomLength());
        return csv(kind, parser, counted, size, sniffed, name, options);
    }

    private static <T> ParsedRows<T> csv(ImportKind kind, RowParser<T> parser, CountingInputStream in, long size,
                                         FileSniffer.Sniffed sniffed, String name, ImportOptions options)
            throws IOException {
        CsvTableSource table;
        try {
            table = new CsvTableSource(in, size, sniffed.encoding(), sniffed.delimiter(), name);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        return rows(kind, parser, table, name, options, sniffed.delimiter());
    }

    private static String sheetName(String fileName, ImportOptions options) {
        return options.sheet() == null ? fileName : fileName + " sheet " + options.sheet();
    }

    private static <T> ParsedRows<T> rows(ImportKind kind, RowParser<T> parser, TableSource table, String name,
                                          ImportOptions options, char delimiter) {
        try {
            RecordSchema schema = RecordSchema.of(kind);
            HeaderRow header = HeaderRow.find(table, schema, options.mapping());
            if (header == null) {
                throw FileSniffer.empty(name);
            }
            ColumnMapping mapping = ColumnMapping.resolve(schema, header.names(), options.mapping());
            return new TableParsedRows<>(kind, table, header, mapping, parser, delimiter);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }
}
