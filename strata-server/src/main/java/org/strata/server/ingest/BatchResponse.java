package org.strata.server.ingest;

import java.util.List;

/** Answer to a REST batch: the import job that stored it, totals, and one result per item in item order. */
public record BatchResponse(long jobId, long accepted, long rejected, long inserted, long updated, long unchanged,
                            List<BatchItemResult> items) {
}
