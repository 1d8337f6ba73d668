package org.strata.engine.rule.sql;

import static org.strata.engine.rule.sql.SqlFragment.join;

/**
 * The databases a rule compiles for. They differ only in date arithmetic: PostgreSQL subtracts dates and adds
 * integers to them natively, H2 (also in its PostgreSQL mode) needs DATEDIFF and DATEADD.
 */
public enum SqlDialect {
    H2, POSTGRES;

    /** Whole days from {@code from} to {@code to}, as an integer. */
    SqlFragment daysBetween(SqlFragment from, SqlFragment to) {
        return this == POSTGRES ? join("(", to, " - ", from, ")") : join("DATEDIFF(DAY, ", from, ", ", to, ")");
    }

    SqlFragment shiftDays(SqlFragment date, SqlFragment days) {
        return this == POSTGRES ? join("(", date, " + ", days, ")") : join("DATEADD(DAY, ", days, ", ", date, ")");
    }
}
