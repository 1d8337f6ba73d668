package org.strata.server.tiering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * The rows of a feature snapshot the caller may see. Snapshots hold every customer (they are cached and shared),
 * so previews and dry runs count and sample through this mask: a customer outside the caller's data scope must
 * not show in a count, a sample or a migration matrix.
 */
@Component
class VisibleRows {

    private final CustomerScope scope;
    private final JdbcClient jdbc;

    VisibleRows(CustomerScope scope, JdbcClient jdbc) {
        this.scope = scope;
        this.jdbc = jdbc;
    }

    /** Empty when the caller sees every customer (the common case for analysts and admins: no query at all). */
    Optional<BitSet> of(FeatureSnapshot snapshot) {
        ScopeCondition condition = scope.condition("c");
        if (condition.isEverything()) {
            return Optional.empty();
        }
        BitSet rows = new BitSet(snapshot.size());
        long[] ids = snapshot.customerIds();
        jdbc.sql("SELECT c.id FROM customers c WHERE " + condition.sql()).params(condition.params())
                .query(rs -> {
                    int row = Arrays.binarySearch(ids, rs.getLong(1));
                    if (row >= 0) {
                        rows.set(row);
                    }
                });
        return Optional.of(rows);
    }
}
