package org.strata.server.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.strata.server.ingest.mapping.ColumnMapping;
import org.strata.server.ingest.mapping.RecordSchema;
import org.strata.server.ingest.mapping.TargetField;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.ingest.read.ParsedRows;

/**
 * What an import would make of a file before it runs: the headers, which column fills which field (guessed from
 * Chinese or English headers, or as mapped), and the first rows parsed exactly as the import will parse them. The
 * import wizard shows this so a person can correct the mapping before anything is stored.
 */
@Component
public class ImportPreviews {

    private final ImportDefaults defaults;

    ImportPreviews(ImportDefaults defaults) {
        this.defaults = defaults;
    }

    /** A field of the kind of record: its name, whether the file must have it, and the header that fills it. */
    public record Field(String name, boolean required, String header) {
    }

    /** One of the first rows: the record as it would be stored, or what is wrong with it. */
    public record Row(long line, Object record, List<RowError> errors) {
    }

    public record Preview(String kind, List<String> headers, List<Field> fields, List<String> unmappedHeaders,
                          String encoding, List<Row> rows) {
    }

    /**
     * @param mapping field=header pairs overriding the guesses, as for the import itself; may be blank
     * @throws ImportFileException when the file cannot be read at all (the message says what would be right)
     */
    public Preview preview(String kind, Path file, String fileName, String mapping, String encoding, int rows)
            throws IOException {
        ImportKind importKind = ImportKindNames.parse(kind);
        ImportOptions options = defaults.options().withEncoding(encoding);
        if (mapping != null && !mapping.isBlank()) {
            options = options.withMapping(mapping);
        }
        // the copy's name is ours; messages name the file as the person knows it
        try (ParsedRows<?> parsed = ImportReaders.open(importKind, file, fileName == null ? file.getFileName()
                .toString() : fileName, options)) {
            ColumnMapping columns = parsed.mapping();
            Map<String, String> mapped = columns.fieldsToHeaders();
            RecordSchema schema = columns.schema();
            List<Field> fields = new ArrayList<>();
            for (TargetField field : schema.fields()) {
                fields.add(new Field(field.fieldName(), schema.required().contains(field), mapped.get(field.fieldName())));
            }
            List<Row> first = new ArrayList<>();
            while (first.size() < rows && parsed.hasNext()) {
                ParsedRow<?> row = parsed.next();
                first.add(new Row(row.line(), row.record(), row.errors()));
            }
            return new Preview(ImportKindNames.nameOf(importKind), columns.headers(), fields,
                    columns.unmappedHeaders(), parsed.encoding() == null ? null : parsed.encoding().name(), first);
        }
    }
}
