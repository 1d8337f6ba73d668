package org.strata.engine.rule.sql;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Quotes identifiers the SQL standard way, so no name can end the identifier and inject SQL. */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /** {@code "name"}, with a qualified {@code schema.table} quoted part by part and inner quotes doubled. */
    public static String quote(String name) {
        return Arrays.stream(name.split("\\.", -1))
                .map(part -> "\"" + part.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining("."));
    }
}
