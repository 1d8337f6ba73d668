package org.strata.server.ingest.report;

import org.strata.server.ingest.ParsedRow;
import org.strata.server.ingest.RowError;

import java.util.Map;
import java.util.TreeMap;

/** Counts parsed rows into an {@link ImportSummary}; cheap enough to call for every row of a large file. */
public final class ImportTally {

    private long accepted;
    private long rejected;
    private final Map<String, Long> errorsByField = new TreeMap<>();

    public void count(ParsedRow<?> row) {
        if (row.accepted()) {
            accepted++;
            return;
        }
        rejected++;
        for (RowError error : row.errors()) {
            errorsByField.merge(error.field() == null ? ImportSummary.ROW : error.field(), 1L, Long::sum);
        }
    }

    public ImportSummary summary() {
        return new ImportSummary(accepted + rejected, accepted, rejected, errorsByField);
    }
}
