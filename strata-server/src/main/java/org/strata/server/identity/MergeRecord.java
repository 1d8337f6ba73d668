package org.strata.server.identity;

import java.time.OffsetDateTime;

/** One row of identity_merges: the absorbed customer was merged into the survivor because they shared a key. */
public record MergeRecord(long id, long survivorId, long absorbedId, String keyKind, String keyValue, String mergedBy,
                          OffsetDateTime mergedAt, String undoneBy, OffsetDateTime undoneAt) {

    public boolean undone() {
        return undoneAt != null;
    }
}
