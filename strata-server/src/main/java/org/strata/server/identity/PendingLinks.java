package org.strata.server.identity;

import org.strata.server.ingest.IdentityKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders and events imported before their customer are stored with customer_ref and no customer_id. When a customer
 * import stores the key they name, they get their customer here.
 */
@Repository
class PendingLinks {

    private static final List<String> TABLES = List.of("orders", "events");

    private final JdbcTemplate jdbc;

    PendingLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void link(List<IdentifierStore.NewIdentifier> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        for (String table : TABLES) {
            if (!anyWaiting(table)) {
                // The common case (customers imported first) costs one indexed probe per batch, not one per key.
                continue;
            }
            List<Object[]> global = new ArrayList<>();
            List<Object[]> namespaced = new ArrayList<>();
            for (IdentifierStore.NewIdentifier identifier : identifiers) {
                IdentityKey key = identifier.key();
                if (key.namespace().isEmpty()) {
                    global.add(new Object[] {identifier.customerId(), identifier.originId(), key.value(), key.kind()});
                } else {
                    namespaced.add(new Object[] {identifier.customerId(), identifier.originId(), key.value(),
                            key.kind(), key.namespace()});
                }
            }
            // A linked order changes its customer's figures: its updated_at says so to the import's aftermath.
            String update = "UPDATE " + table + " SET customer_id = ?, origin_customer_id = ?"
                    + (table.equals("orders") ? ", updated_at = CURRENT_TIMESTAMP" : "") + " WHERE customer_id IS NULL AND customer_ref = ? AND customer_ref_kind = ?";
            if (!global.isEmpty()) {
                jdbc.batchUpdate(update, global);
            }
            if (!namespaced.isEmpty()) {
                // A source's own customer ids only name customers of that same source.
                jdbc.batchUpdate(update + " AND source = ?", namespaced);
            }
        }
    }

    /**
     * Links the orders and events waiting for any identifier stored after {@code identifierId}, set-based (a bulk
     * load stores millions of identifiers at once).
     */
    void linkIdentifiersAfter(long identifierId) {
        for (String table : TABLES) {
            if (anyWaiting(table)) {
                jdbc.update("UPDATE " + table + " t SET customer_id = ci.customer_id,"
                        + " origin_customer_id = ci.origin_customer_id"
                        + (table.equals("orders") ? ", updated_at = CURRENT_TIMESTAMP" : "")
                        + " FROM customer_identifiers ci WHERE t.customer_id IS NULL AND ci.id > ?"
                        + " AND ci.kind = t.customer_ref_kind AND ci.id_value = t.customer_ref"
                        // a source's own customer ids only name customers of that same source
                        + " AND (ci.namespace = '' OR ci.namespace = t.source)", identifierId);
            }
        }
    }

    private boolean anyWaiting(String table) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " WHERE customer_id IS NULL AND customer_ref IS NOT NULL"
                + " FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }
}
