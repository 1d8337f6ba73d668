package org.strata.server.quality;

import java.util.List;
import org.springframework.stereotype.Component;
import org.strata.server.sql.SqlDialect;

/**
 * The statements that compute the maintained quality figures (V51) from the base tables, for every customer or for
 * the customers of the refresh in progress. Each counts exactly what {@link DirectQualityReport} counts, attributed
 * to the customer whose owner and team decide who sees it: a customer row and the merges that absorbed it to the
 * customer, an order or event to the customer it belongs to. Orders and events of no known customer ("waiting")
 * belong to nobody: their rows have neither owner nor team, so only a caller who sees every customer sees them (as
 * the direct report, which shows them only when the scope is everything).
 */
@Component
class QualityStatements {

    /** Whose contributions a statement computes. */
    enum Customers {
        ALL, REFRESH_SET;

        /** A condition on a customer id column; waiting rows (null customer) are never in it. */
        String on(String column) {
            return this == ALL ? column + " IS NOT NULL"
                    : column + " IN (SELECT customer_id FROM quality_refresh_set)";
        }
    }

    /** The summed counters, in the order of the tables' columns. */
    static final List<String> COUNTERS = List.of("customers", "orders", "events", "missing_phone", "missing_email",
            "invalid_phone", "invalid_email", "merges_active", "merges_undone", "orders_without_customer",
            "orders_non_positive", "events_without_customer");

    /** The column counting a check, or null for a check of dates, which is counted from the findings when asked. */
    static String counter(QualityCheck check) {
        return switch (check) {
            case CUSTOMERS_MISSING_PHONE -> "missing_phone";
            case CUSTOMERS_MISSING_EMAIL -> "missing_email";
            case CUSTOMERS_INVALID_PHONE -> "invalid_phone";
            case CUSTOMERS_INVALID_EMAIL -> "invalid_email";
            case MERGES_ACTIVE -> "merges_active";
            case MERGES_UNDONE -> "merges_undone";
            case ORDERS_WITHOUT_CUSTOMER -> "orders_without_customer";
            case ORDERS_NON_POSITIVE_AMOUNT -> "orders_non_positive";
            case EVENTS_WITHOUT_CUSTOMER -> "events_without_customer";
            case ORDERS_IN_FUTURE, EVENTS_IN_FUTURE -> null;
        };
    }

    private static final String COUNTER_LIST = String.join(", ", COUNTERS);

    private final SqlDialect dialect;

    QualityStatements(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** One row per (customer, source) of the set, and (with {@code waiting}) per source of waiting rows. */
    String contributions(Customers set, boolean waiting) {
        String missingPhone = QualityRules.missing(dialect, "c.phone");
        String missingEmail = QualityRules.missing(dialect, "c.email");
        String invalidPhone = QualityRules.invalid(dialect, "c.phone", QualityRules.VALID_PHONE);
        String invalidEmail = QualityRules.invalid(dialect, "c.email", QualityRules.VALID_EMAIL);
        String parts = """
                SELECT c.id AS customer_id, c.source, c.owner_id, c.team_id, 1 AS customers, 0 AS orders, 0 AS events,
                       %s AS missing_phone, %s AS missing_email, %s AS invalid_phone, %s AS invalid_email,
                       0 AS merges_active, 0 AS merges_undone, 0 AS orders_without_customer,
                       0 AS orders_non_positive, 0 AS events_without_customer
                FROM customers c WHERE c.merged_into IS NULL AND %s
                UNION ALL
                SELECT c.id, c.source, c.owner_id, c.team_id, 0, 0, 0, 0, 0, 0, 0,
                       CASE WHEN m.undone_at IS NULL THEN 1 ELSE 0 END, CASE WHEN m.undone_at IS NULL THEN 0 ELSE 1 END,
                       0, 0, 0
                FROM identity_merges m JOIN customers c ON c.id = m.absorbed_id WHERE %s
                UNION ALL
                SELECT c.id, o.source, c.owner_id, c.team_id, 0, o.orders, 0, 0, 0, 0, 0, 0, 0, 0, o.non_positive, 0
                FROM (SELECT customer_id, source, COUNT(*) AS orders,
                             SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END) AS non_positive
                      FROM orders WHERE %s GROUP BY customer_id, source) o
                JOIN customers c ON c.id = o.customer_id
                UNION ALL
                SELECT c.id, e.source, c.owner_id, c.team_id, 0, 0, e.events, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM (SELECT customer_id, source, COUNT(*) AS events FROM events WHERE %s
                      GROUP BY customer_id, source) e
                JOIN customers c ON c.id = e.customer_id""".formatted(flag(missingPhone), flag(missingEmail),
                flag(invalidPhone), flag(invalidEmail), set.on("c.id"), set.on("c.id"), set.on("customer_id"),
                set.on("customer_id"));
        if (waiting) {
            parts += """

                    UNION ALL
                    SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, COUNT(*), 0,
                           0, 0, 0, 0, 0, 0, COUNT(*), SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END), 0
                    FROM orders WHERE customer_id IS NULL GROUP BY source
                    UNION ALL
                    SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, 0, COUNT(*),
                           0, 0, 0, 0, 0, 0, 0, 0, COUNT(*)
                    FROM events WHERE customer_id IS NULL GROUP BY source""";
        }
        return "INSERT INTO quality_contributions (customer_id, source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " SELECT customer_id, source, owner_id, team_id, " + sums("x") + " FROM (" + parts + ") x"
                + " GROUP BY customer_id, source, owner_id, team_id";
    }

    /**
     * The defective records of the set (and waiting ones), for the samples; orders and events dated after
     * {@code :horizon} are kept with their date, since whether they lie in the future depends on when one asks.
     */
    String findings(Customers set, boolean waiting) {
        String columns = "c.id, c.source, c.owner_id, c.team_id, CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        String customers = " FROM customers c WHERE c.merged_into IS NULL AND " + set.on("c.id") + " AND ";
        String parts = String.join("\nUNION ALL\n",
                "SELECT '" + QualityCheck.CUSTOMERS_MISSING_PHONE.code() + "', c.id, " + columns + customers
                        + QualityRules.missing(dialect, "c.phone"),
                "SELECT '" + QualityCheck.CUSTOMERS_MISSING_EMAIL.code() + "', c.id, " + columns + customers
                        + QualityRules.missing(dialect, "c.email"),
                "SELECT '" + QualityCheck.CUSTOMERS_INVALID_PHONE.code() + "', c.id, " + columns + customers
                        + QualityRules.invalid(dialect, "c.phone", QualityRules.VALID_PHONE),
                "SELECT '" + QualityCheck.CUSTOMERS_INVALID_EMAIL.code() + "', c.id, " + columns + customers
                        + QualityRules.invalid(dialect, "c.email", QualityRules.VALID_EMAIL),
                "SELECT CASE WHEN m.undone_at IS NULL THEN '" + QualityCheck.MERGES_ACTIVE.code() + "' ELSE '"
                        + QualityCheck.MERGES_UNDONE.code() + "' END, m.absorbed_id, " + columns
                        + " FROM identity_merges m JOIN customers c ON c.id = m.absorbed_id WHERE " + set.on("c.id"),
                recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, "o.amount <= 0"),
                recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_IN_FUTURE, "o.ordered_at > :horizon"),
                recordRows("events", "occurred_at", set, QualityCheck.EVENTS_IN_FUTURE, "o.occurred_at > :horizon"));
        if (waiting) {
            parts += "\nUNION ALL\n" + String.join("\nUNION ALL\n",
                    recordRows("orders", "ordered_at", null, QualityCheck.ORDERS_WITHOUT_CUSTOMER, "1 = 1"),
                    recordRows("orders", "ordered_at", null, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, "o.amount <= 0"),
                    recordRows("orders", "ordered_at", null, QualityCheck.ORDERS_IN_FUTURE, "o.ordered_at > :horizon"),
                    recordRows("events", "occurred_at", null, QualityCheck.EVENTS_WITHOUT_CUSTOMER, "1 = 1"),
                    recordRows("events", "occurred_at", null, QualityCheck.EVENTS_IN_FUTURE, "o.occurred_at > :horizon"));
        }
        return "INSERT INTO quality_findings (check_code, record_id, customer_id, source, owner_id, team_id, dated_at) "
                + parts;
    }

    /** Adds up the contributions of the set (and the waiting ones) by source, owner and team, times {@code :sign}. */
    String apply(Customers set, boolean waiting) {
        String which = waiting ? "(" + set.on("customer_id") + " OR customer_id IS NULL)" : set.on("customer_id");
        return "INSERT INTO quality_figures (source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " SELECT source, owner_id, team_id, " + String.join(", ", COUNTERS.stream()
                .map(counter -> ":sign * SUM(" + counter + ")").toList())
                + " FROM quality_contributions WHERE " + which + " GROUP BY source, owner_id, team_id";
    }

    /** Deletes the rows of the set (and the waiting ones) from a table keyed by customer_id. */
    static String delete(String table, Customers set, boolean waiting) {
        return "DELETE FROM " + table + " WHERE " + set.on("customer_id") + (waiting ? " OR customer_id IS NULL" : "");
    }

    private static String flag(String condition) {
        return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
    }

    private static String sums(String alias) {
        return String.join(", ", COUNTERS.stream().map(counter -> "SUM(" + alias + "." + counter + ")").toList());
    }

    /** Rows of orders or events with a defect: of the set's customers, or ({@code set} null) of no customer. */
    private static String recordRows(String table, String dateColumn, Customers set, QualityCheck check,
                                     String condition) {
        String dated = counter(check) == null ? "o." + dateColumn : "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        String owner = set == null
                ? "CAST(NULL AS BIGINT), o.source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)"
                : "c.id, o.source, c.owner_id, c.team_id";
        String from = set == null ? " FROM " + table + " o WHERE o.customer_id IS NULL"
                : " FROM " + table + " o JOIN customers c ON c.id = o.customer_id WHERE " + set.on("o.customer_id");
        return "SELECT '" + check.code() + "', o.id, " + owner + ", " + dated + from + " AND " + condition;
    }
}
