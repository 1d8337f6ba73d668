package org.strata.server.quality;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * Whose contributions a statement computes: every customer, those of the refresh, the ids from {@code :first} to
     * {@code :last} (a chunk of a rebuild), or no customer.
     */
    enum Customers {
        ALL, REFRESH_SET, RANGE, WAITING;

        /** A condition on a customer id column. */
        String on(String column) {
            return switch (this) {
                case ALL -> column + " IS NOT NULL";
                case REFRESH_SET -> column + " IN (SELECT customer_id FROM quality_refresh_set)";
                case RANGE -> column + " BETWEEN :first AND :last";
                case WAITING -> column + " IS NULL";
            };
        }
    }

    /** Serialises refreshes and rebuild chunks: each updates this one row first, and holds it until it commits. */
    static final String LOCK = "UPDATE quality_refresh_lock SET refreshed_at = CURRENT_TIMESTAMP WHERE id = 1";

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

    /**
     * The rows of the set's customers: a customer's own row, one for the merges that absorbed it, one per source of
     * its orders and one per source of its events; for WAITING one per source of the orders and events of nobody.
     * A customer may so have several rows for one source. They are only ever summed, and grouping them into one
     * would hash or sort two million rows at a million customers (a third of a rebuild's time on PostgreSQL).
     */
    String contributions(Customers set) {
        return "INSERT INTO quality_contributions (customer_id, source, owner_id, team_id, " + COUNTER_LIST + ") "
                + (set == Customers.WAITING ? WAITING_CONTRIBUTIONS : customerContributions(set));
    }

    private static final String WAITING_CONTRIBUTIONS = """
             SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, COUNT(*), 0,
                    0, 0, 0, 0, 0, 0, COUNT(*), SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END), 0
             FROM orders WHERE customer_id IS NULL GROUP BY source
             UNION ALL
             SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, 0, COUNT(*),
                    0, 0, 0, 0, 0, 0, 0, 0, COUNT(*)
             FROM events WHERE customer_id IS NULL GROUP BY source""";

    private String customerContributions(Customers set) {
        String missingPhone = QualityRules.missing(dialect, "c.phone");
        String missingEmail = QualityRules.missing(dialect, "c.email");
        String invalidPhone = QualityRules.invalidPhone(dialect, "c.phone");
        String invalidEmail = QualityRules.invalidEmail(dialect, "c.email");
        return """
                SELECT c.id AS customer_id, c.source, c.owner_id, c.team_id, 1 AS customers, 0 AS orders, 0 AS events,
                       %s AS missing_phone, %s AS missing_email, %s AS invalid_phone, %s AS invalid_email,
                       0 AS merges_active, 0 AS merges_undone, 0 AS orders_without_customer,
                       0 AS orders_non_positive, 0 AS events_without_customer
                FROM customers c WHERE c.merged_into IS NULL AND %s
                UNION ALL
                SELECT c.id, c.source, c.owner_id, c.team_id, 0, 0, 0, 0, 0, 0, 0,
                       SUM(CASE WHEN m.undone_at IS NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.undone_at IS NULL THEN 0 ELSE 1 END), 0, 0, 0
                FROM identity_merges m JOIN customers c ON c.id = m.absorbed_id WHERE %s
                GROUP BY c.id, c.source, c.owner_id, c.team_id
                UNION ALL
                SELECT c.id, o.source, c.owner_id, c.team_id, 0, o.orders, 0, 0, 0, 0, 0, 0, 0, 0, o.non_positive, 0
                FROM (SELECT customer_id, source, COUNT(*) AS orders,
                             SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END) AS non_positive
                      FROM orders WHERE %s GROUP BY customer_id, source) o
                JOIN customers c ON c.id = o.customer_id AND %s
                UNION ALL
                SELECT c.id, e.source, c.owner_id, c.team_id, 0, 0, e.events, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM (SELECT customer_id, source, COUNT(*) AS events FROM events WHERE %s
                      GROUP BY customer_id, source) e
                JOIN customers c ON c.id = e.customer_id AND %s""".formatted(flag(missingPhone), flag(missingEmail),
                flag(invalidPhone), flag(invalidEmail), set.on("c.id"), set.on("c.id"), set.on("customer_id"),
                set.on("c.id"), set.on("customer_id"), set.on("c.id"));
    }

    /**
     * The defective records of the set, for the samples; orders and events dated after {@code :horizon} are kept with
     * their date, since whether they lie in the future depends on when one asks. Customers and merges are read from
     * their contributions, written first, so the phone and email checks run once per customer.
     */
    String findings(Customers set) {
        List<String> parts = new ArrayList<>();
        if (set == Customers.WAITING) {
            parts.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_WITHOUT_CUSTOMER, "1 = 1"));
            parts.add(recordRows("events", "occurred_at", set, QualityCheck.EVENTS_WITHOUT_CUSTOMER, "1 = 1"));
        } else {
            parts.add(contributionFindings(set));
        }
        parts.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, "o.amount <= 0"));
        parts.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_IN_FUTURE, "o.ordered_at > :horizon"));
        parts.add(recordRows("events", "occurred_at", set, QualityCheck.EVENTS_IN_FUTURE,
                "o.occurred_at > :horizon"));
        return "INSERT INTO quality_findings (check_code, record_id, customer_id, source, owner_id, team_id, dated_at) "
                + String.join("\nUNION ALL\n", parts);
    }

    /** The checks whose samples are the contributing customers themselves (absorbed ones for merges). */
    private static final List<QualityCheck> CUSTOMER_CHECKS = List.of(QualityCheck.CUSTOMERS_MISSING_PHONE,
            QualityCheck.CUSTOMERS_MISSING_EMAIL, QualityCheck.CUSTOMERS_INVALID_PHONE,
            QualityCheck.CUSTOMERS_INVALID_EMAIL, QualityCheck.MERGES_ACTIVE, QualityCheck.MERGES_UNDONE);

    /**
     * One finding per customer and customer check with a count above zero, read in one pass over the contributions:
     * each row meets the list of checks and keeps those it counts.
     */
    private static String contributionFindings(Customers set) {
        List<String> checks = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        List<String> any = new ArrayList<>();
        for (int i = 0; i < CUSTOMER_CHECKS.size(); i++) {
            QualityCheck check = CUSTOMER_CHECKS.get(i);
            checks.add("('" + check.code() + "', " + i + ")");
            counted.add("WHEN " + i + " THEN q." + counter(check));
            any.add("q." + counter(check));
        }
        return "SELECT k.code, q.customer_id, q.customer_id, q.source, q.owner_id, q.team_id,"
                + " CAST(NULL AS TIMESTAMP WITH TIME ZONE)"
                + " FROM quality_contributions q JOIN (VALUES " + String.join(", ", checks) + ") AS k (code, n)"
                + " ON CASE k.n " + String.join(" ", counted) + " END > 0"
                + " WHERE " + set.on("q.customer_id") + " AND " + String.join(" + ", any) + " > 0";
    }

    /**
     * Writes the contributions and then the findings of the set (the findings of customers are read from their
     * contributions); {@code params} binds {@code :first} and {@code :last} for a RANGE.
     */
    void recompute(JdbcClient jdbc, Customers set, Map<String, Object> params) {
        jdbc.sql(contributions(set)).params(params).update();
        jdbc.sql(findings(set)).params(params).param("horizon", horizon()).update();
    }

    /**
     * Orders and events dated after now less this margin are kept as candidates for "in the future", so a report
     * asked at any later time (or by a clock a little behind the database's) still finds all of them.
     */
    private static final Duration FUTURE_MARGIN = Duration.ofDays(1);

    private static OffsetDateTime horizon() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(FUTURE_MARGIN);
    }

    /** Adds up the contributions of the set by source, owner and team, times {@code :sign}. */
    static String apply(Customers set) {
        return "INSERT INTO quality_figures (source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " SELECT source, owner_id, team_id, " + String.join(", ", COUNTERS.stream()
                .map(counter -> ":sign * SUM(" + counter + ")").toList())
                + " FROM quality_contributions WHERE " + set.on("customer_id") + " GROUP BY source, owner_id, team_id";
    }

    /** Deletes the rows of the set from a table keyed by customer_id. */
    static String delete(String table, Customers set) {
        return "DELETE FROM " + table + " WHERE " + set.on("customer_id");
    }

    private static String flag(String condition) {
        return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
    }

    /** Rows of orders or events with a defect, of the set's customers or (WAITING) of no customer. */
    private static String recordRows(String table, String dateColumn, Customers set, QualityCheck check,
                                     String condition) {
        String dated = counter(check) == null ? "o." + dateColumn : "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
        String owner = set == Customers.WAITING
                ? "CAST(NULL AS BIGINT), o.source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)"
                : "c.id, o.source, c.owner_id, c.team_id";
        String from = set == Customers.WAITING ? " FROM " + table + " o WHERE o.customer_id IS NULL"
                : " FROM " + table + " o JOIN customers c ON c.id = o.customer_id WHERE " + set.on("o.customer_id");
        return "SELECT '" + check.code() + "', o.id, " + owner + ", " + dated + from + " AND " + condition;
    }
}
