package org.strata.server.ingest;

import org.strata.server.sql.WriteCounts;

/** What one batch did: rows written and customers merged. */
public record BatchResult(WriteCounts counts, long merges) {
}
