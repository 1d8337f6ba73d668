package org.strata.server.identity;

import org.strata.server.access.PersonalData;

import java.time.OffsetDateTime;

/** One row of identity_merges: the absorbed customer was merged into the survivor because they shared a key. */
public record MergeRecord(long id, long survivorId, long absorbedId, String keyKind, String keyValue, String mergedBy,
                          OffsetDateTime mergedAt, String undoneBy, OffsetDateTime undoneAt) {

    public boolean undone() {
        return undoneAt != null;
    }

    /** The record as the caller may see it: the linking key (a phone, an e-mail) masked without the permission. */
    MergeRecord forCaller() {
        return PersonalData.visible() ? this : new MergeRecord(id, survivorId, absorbedId, keyKind,
                PersonalData.identifier(keyKind, keyValue), mergedBy, mergedAt, undoneBy, undoneAt);
    }
}
