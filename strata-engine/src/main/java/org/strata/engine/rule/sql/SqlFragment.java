package org.strata.engine.rule.sql;

import java.util.ArrayList;
import java.util.List;

/** SQL text with the parameters of its placeholders in text order; joining fragments keeps that order. */
record SqlFragment(String sql, List<Object> parameters) {

    /** A {@code ?} cast to {@code type}, so both databases give the value the same type whatever the driver sends. */
    static SqlFragment parameter(Object value, String type) {
        return new SqlFragment("CAST(? AS " + type + ")", List.of(value));
    }

    static SqlFragment text(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** Concatenates Strings (SQL written by the compiler, never rule text) and fragments in order. */
    static SqlFragment join(Object... parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof SqlFragment fragment) {
                sql.append(fragment.sql);
                parameters.addAll(fragment.parameters);
            } else {
                sql.append((String) part);
            }
        }
        return new SqlFragment(sql.toString(), parameters);
    }
}
