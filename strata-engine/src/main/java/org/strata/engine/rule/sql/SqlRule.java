package org.strata.engine.rule.sql;

import java.util.List;

/**
 * A rule as a SQL condition for a WHERE clause, with {@code ?} placeholders and the values to bind to them in
 * order: Double for numbers, String, Boolean, java.time.LocalDate for dates and Integer for day shifts.
 */
public record SqlRule(String where, List<Object> parameters) {

    public SqlRule {
        parameters = List.copyOf(parameters);
    }
}
