package org.strata.server.ingest;

import java.util.List;

/**
 * One input row after parsing: either a record (errors empty) or the reasons it was rejected (record null).
 *
 * @param line 1-based line of the file where the row starts (0 for JSON items)
 */
public record ParsedRow<T>(long line, T record, List<RowError> errors) {

    public boolean accepted() {
        return record != null;
    }
}
