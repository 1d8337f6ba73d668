package org.strata.server.ingest.record;

import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.ingest.read.ParsedRows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads CSV text given in a test through the real file-import path. */
final class CsvFixture {

    private CsvFixture() {
    }

    static <T> List<ParsedRow<T>> read(ImportKind kind, Class<T> type, String csv) {
        return read(kind, type, csv, ImportOptions.defaults());
    }

    static <T> List<ParsedRow<T>> read(ImportKind kind, Class<T> type, String csv, ImportOptions options) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<ParsedRow<T>> out = new ArrayList<>();
        try (ParsedRows<T> rows = ImportReaders.open(kind, type, new ByteArrayInputStream(bytes), "test.csv",
                bytes.length, options)) {
            rows.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
