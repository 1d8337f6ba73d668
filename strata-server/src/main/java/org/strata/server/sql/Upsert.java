package org.strata.server.sql;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An insert-or-update of many rows keyed by a unique constraint.
 *
 * @param table       target table
 * @param keys        the columns of the target's unique constraint
 * @param values      the columns written on insert and compared (IS DISTINCT FROM) to decide whether to update
 * @param source      a SELECT whose columns are {@code keys} then {@code values}, in that order and with those names;
 *                    it must not repeat a key
 * @param touchColumn a timestamp column set to the current time on update, or null
 */
public record Upsert(String table, List<String> keys, List<String> values, String source, String touchColumn) {

    List<String> columns() {
        return Stream.concat(keys.stream(), values.stream()).toList();
    }

    String columnList(String prefix) {
        return columns().stream().map(c -> prefix + c).collect(Collectors.joining(", "));
    }

    String keyJoin(String left, String right) {
        return keys.stream().map(k -> left + "." + k + " = " + right + "." + k).collect(Collectors.joining(" AND "));
    }

    String changed(String current, String incoming) {
        return values.stream().map(v -> current + "." + v + " IS DISTINCT FROM " + incoming + "." + v)
                .collect(Collectors.joining(" OR "));
    }

    String assignments(String incoming) {
        String set = values.stream().map(v -> v + " = " + incoming + "." + v).collect(Collectors.joining(", "));
        return touchColumn == null ? set : set + ", " + touchColumn + " = CURRENT_TIMESTAMP";
    }
}
