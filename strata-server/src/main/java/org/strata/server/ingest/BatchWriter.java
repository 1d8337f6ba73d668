package org.strata.server.ingest;

import java.util.List;
import java.util.Map;

/**
 * Stores one batch of validated records of one kind. {@link ImportService} calls {@link #write} inside the batch's
 * transaction, with records whose keys are unique within the batch. {@link #key} and {@link #check} depend on the
 * record alone (no database, no state), so a bulk load calls them on its reader thread.
 */
public interface BatchWriter<T> {

    ImportKind kind();

    /** The record's idempotency key, e.g. source + order number: two records with the same key are the same. */
    String key(T record);

    /**
     * What the database could not store although the reader accepted it (a value longer than its column). Returned
     * as row errors so that the row is reported instead of failing the whole batch.
     */
    List<RowError> check(T record, long line);

    /** The stored row id of each record, by {@link #key}; records not stored are missing. */
    Map<String, Long> idsOf(List<T> records);

    /** @param writtenBy who writes, for the merge ledger, e.g. "import:job 12" */
    BatchResult write(List<T> records, String writtenBy);
}
