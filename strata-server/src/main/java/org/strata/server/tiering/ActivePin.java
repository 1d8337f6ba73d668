package org.strata.server.tiering;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pin not yet ended: the customer stays in {@code tier} until {@code expiresAt} (null = until unpinned). */
record ActivePin(long id, long customerId, String tier, String reason, String pinnedBy, Instant expiresAt) {

    /** The ledger's "why" of a placement the pin decided. */
    Map<String, Object> why() {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("pin_id", id);
        why.put("pinned_by", pinnedBy);
        why.put("reason", reason);
        why.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        return why;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
