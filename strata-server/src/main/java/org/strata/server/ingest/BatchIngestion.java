package org.strata.server.ingest;

import org.springframework.stereotype.Service;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.record.JsonRecords;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * REST batches: every item is validated by the same record parsers as a file row, the valid ones are stored through
 * {@link ImportService} (so a batch is an import job like a file, idempotent and atomic per batch), and each
 * item gets its own result.
 */
@Service
public class BatchIngestion {

    private final ImportService imports;
    private final ImportDefaults defaults;
    private final Map<ImportKind, BatchWriter<?>> writers = new EnumMap<>(ImportKind.class);

    BatchIngestion(ImportService imports, List<BatchWriter<?>> writers, ImportDefaults defaults) {
        this.defaults = defaults;
        this.imports = imports;
        writers.forEach(writer -> this.writers.put(writer.kind(), writer));
    }

    public BatchResponse ingest(ImportKind kind, BatchRequest request) {
        return ingest(kind, request, writers.get(kind));
    }

    private <T> BatchResponse ingest(ImportKind kind, BatchRequest request, BatchWriter<T> writer) {
        ImportOptions options = defaults.options().withSource(request.source());
        @SuppressWarnings("unchecked")
        JsonRecords<T> validator = (JsonRecords<T>) JsonRecords.forKind(kind, options);
        List<Object> items = request.items() == null ? List.of() : request.items();
        List<ParsedRow<T>> rows = new ArrayList<>(items.size());
        List<List<RowError>> problems = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/items/" + i;
            ParsedRow<T> row = validator.parse(items.get(i), pointer);
            List<RowError> errors = row.accepted() ? pointed(writer.check(row.record(), 0), pointer) : row.errors();
            rows.add(errors.isEmpty() ? row : new ParsedRow<>(0, null, errors));
            problems.add(errors);
        }
        ImportJob job = imports.importRows(kind, options.source(), "REST batch of " + items.size() + " items",
                RowSource.of(rows), ProgressListener.NONE);
        if (job.status() == ImportStatus.FAILED) {
            throw new BatchFailedException(job);
        }
        List<T> stored = rows.stream().filter(ParsedRow::accepted).map(ParsedRow::record).toList();
        Map<String, Long> ids = writer.idsOf(stored);
        List<BatchItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow<T> row = rows.get(i);
            results.add(row.accepted()
                    ? new BatchItemResult(i, "accepted", ids.get(writer.key(row.record())), List.of())
                    : new BatchItemResult(i, "rejected", null, problems.get(i).stream()
                    .map(e -> new BatchItemResult.FieldError(e.field(), e.reason())).toList()));
        }
        ImportCounts counts = job.counts();
        return new BatchResponse(job.id(), counts.accepted(), counts.rejected(), counts.inserted(), counts.updated(),
                counts.unchanged(), results);
    }

    /** Storage checks name record fields; in a REST answer they point into the item. */
    private static List<RowError> pointed(List<RowError> errors, String pointer) {
        return errors.stream().map(e -> new RowError(0, 0, pointer + "/" + e.field(), e.value(), e.reason())).toList();
    }

    /** The database refused the batch; nothing of it was stored. */
    public static final class BatchFailedException extends RuntimeException {
        BatchFailedException(ImportJob job) {
            super("import job " + job.id() + " failed: " + job.message(java.util.Locale.ENGLISH));
        }
    }
}
