package org.strata.server.scope;

import java.util.Map;

/** A piece of SQL for a WHERE clause with its named parameters (values are always bound, never concatenated). */
public record ScopeCondition(String sql, Map<String, Object> params) {

    public ScopeCondition {
        params = Map.copyOf(params);
    }

    /** The condition of a caller who may see every customer. */
    public static ScopeCondition everything() {
        return new ScopeCondition("1 = 1", Map.of());
    }
}
