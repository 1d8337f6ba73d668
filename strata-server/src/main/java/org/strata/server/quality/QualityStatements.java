package org.strata.server.quality;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

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
        ALL, REFRESH_SET, REFRESH_SET_REBUILT, RANGE, WAITING, ALL_AND_WAITING;

        /**
         * A condition on a customer id column. ALL_AND_WAITING (every row, to delete or add up, never to recompute:
         * the waiting rows are computed apart). REFRESH_SET_REBUILT: the customers of the refresh a rebuild in chunks
         * has already rebuilt, those with an id up to {@code :rebuiltThrough}.
         */
        String on(String column) {
            return switch (this) {
                case ALL -> column + " IS NOT NULL";
                case REFRESH_SET -> column + " IN (SELECT customer_id FROM quality_refresh_set)";
                case REFRESH_SET_REBUILT -> column + " IN (SELECT customer_id FROM quality_refresh_set"
                        + " WHERE customer_id <= :rebuiltThrough)";
                case RANGE -> column + " BETWEEN :first AND :last";
                case WAITING -> column + " IS NULL";
                case ALL_AND_WAITING -> "1 = 1";
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

    /** Every part of the data: what a full recomputation recomputes. */
    static final Set<Part> EVERY_PART = Collections.unmodifiableSet(EnumSet.allOf(Part.class));

    /**
     * The rows of the set's customers: a customer's own row, one for the merges that absorbed it, one per source of
     * its orders and one per source of its events; for WAITING one per source of the orders and events of nobody.
     * A customer may so have several rows for one source. They are only ever summed, and grouping them into one
     * would hash or sort two million rows at a million customers (a third of a rebuild's time on PostgreSQL).
     * Only the rows derived from {@code parts} are written (see {@link #derivedFrom}); null when there are none
     * (the waiting rows of a change of customers only).
     */
    String contributions(Customers set, Set<Part> parts) {
        List<String> selects = new ArrayList<>();
        if (set == Customers.WAITING) {
            if (parts.contains(Part.ORDERS)) {
                selects.add(WAITING_ORDERS);
            }
            if (parts.contains(Part.EVENTS)) {
                selects.add(WAITING_EVENTS);
            }
        } else {
            if (parts.contains(Part.CUSTOMERS)) {
                selects.add(customerRows(set));
                selects.add(mergeRows(set));
            }
            if (parts.contains(Part.ORDERS)) {
                selects.add(orderRows(set));
            }
            if (parts.contains(Part.EVENTS)) {
                selects.add(eventRows(set));
            }
        }
        return selects.isEmpty() ? null
                : "INSERT INTO quality_contributions (customer_id, source, owner_id, team_id, " + COUNTER_LIST + ") "
                        + String.join("\nUNION ALL\n", selects);
    }

    /**
     * Which rows of quality_contributions are derived from {@code part}: each row comes from one branch of
     * {@link #contributions}, and only an orders row counts orders and only an events row counts events (COUNT(*) of
     * a group, never zero), so the counters tell the branches apart without a column for it.
     */
    static String derivedFrom(Part part) {
        return switch (part) {
            case CUSTOMERS -> "(orders = 0 AND events = 0)";
            case ORDERS -> "orders > 0";
            case EVENTS -> "events > 0";
        };
    }

    /** The part of the data a check looks at: customer rows and merges, orders, or events. */
    static Part derivedFrom(QualityCheck check) {
        return switch (check.entity()) {
            case "customer" -> Part.CUSTOMERS;
            case "order" -> Part.ORDERS;
            case "event" -> Part.EVENTS;
            default -> throw new IllegalArgumentException("a check of " + check.entity());
        };
    }

    /**
     * A condition on rows of quality_contributions ({@code findings} false) or quality_findings ({@code findings}
     * true) keeping those derived from {@code parts}; {@code 1 = 1} for every part.
     */
    static String derivedFrom(Set<Part> parts, boolean findings) {
        if (parts.containsAll(EVERY_PART)) {
            return "1 = 1";
        }
        if (findings) {
            return "check_code IN (" + String.join(", ", Arrays.stream(QualityCheck.values())
                    .filter(check -> parts.contains(derivedFrom(check))).map(check -> "'" + check.code() + "'")
                    .toList()) + ")";
        }
        return "(" + String.join(" OR ", parts.stream().sorted().map(QualityStatements::derivedFrom).toList()) + ")";
    }

    private static final String WAITING_ORDERS = """
             SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, COUNT(*), 0,
                    0, 0, 0, 0, 0, 0, COUNT(*), SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END), 0
             FROM orders WHERE customer_id IS NULL GROUP BY source""";

    private static final String WAITING_EVENTS = """
             SELECT CAST(NULL AS BIGINT), source, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), 0, 0, COUNT(*),
                    0, 0, 0, 0, 0, 0, 0, 0, COUNT(*)
             FROM events WHERE customer_id IS NULL GROUP BY source""";

    /**
     * A customer's own row. Its phone and email are each classified once in a subquery (kept apart by OFFSET 0, which
     * stops PostgreSQL from copying the classification into each flag that reads it) and the flags read the class.
     */
    private String customerRows(Customers set) {
        return """
                SELECT k.id AS customer_id, k.source, k.owner_id, k.team_id, 1 AS customers, 0 AS orders, 0 AS events,
                       %s AS missing_phone, %s AS missing_email, %s AS invalid_phone, %s AS invalid_email,
                       0 AS merges_active, 0 AS merges_undone, 0 AS orders_without_customer,
                       0 AS orders_non_positive, 0 AS events_without_customer
                FROM (SELECT c.id, c.source, c.owner_id, c.team_id, %s AS phone_kind, %s AS email_kind
                      FROM customers c WHERE c.merged_into IS NULL AND %s OFFSET 0 ROWS) k""".formatted(
                flag("k.phone_kind = " + QualityRules.MISSING), flag("k.email_kind = " + QualityRules.MISSING),
                flag("k.phone_kind = " + QualityRules.INVALID), flag("k.email_kind = " + QualityRules.INVALID),
                QualityRules.kindOfPhone(dialect, "c.phone"), QualityRules.kindOfEmail(dialect, "c.email"),
                set.on("c.id"));
    }

    private static String mergeRows(Customers set) {
        return """
                SELECT c.id, c.source, c.owner_id, c.team_id, 0, 0, 0, 0, 0, 0, 0,
                       SUM(CASE WHEN m.undone_at IS NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN m.undone_at IS NULL THEN 0 ELSE 1 END), 0, 0, 0
                FROM identity_merges m JOIN customers c ON c.id = m.absorbed_id WHERE %s
                GROUP BY c.id, c.source, c.owner_id, c.team_id""".formatted(set.on("c.id"));
    }

    private static String orderRows(Customers set) {
        return """
                SELECT c.id, o.source, c.owner_id, c.team_id, 0, o.orders, 0, 0, 0, 0, 0, 0, 0, 0, o.non_positive, 0
                FROM (SELECT customer_id, source, COUNT(*) AS orders,
                             SUM(CASE WHEN amount <= 0 THEN 1 ELSE 0 END) AS non_positive
                      FROM orders WHERE %s GROUP BY customer_id, source) o
                JOIN customers c ON c.id = o.customer_id AND %s""".formatted(set.on("customer_id"), set.on("c.id"));
    }

    private static String eventRows(Customers set) {
        return """
                SELECT c.id, e.source, c.owner_id, c.team_id, 0, 0, e.events, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM (SELECT customer_id, source, COUNT(*) AS events FROM events WHERE %s
                      GROUP BY customer_id, source) e
                JOIN customers c ON c.id = e.customer_id AND %s""".formatted(set.on("customer_id"), set.on("c.id"));
    }

    /**
     * The defective records of the set derived from {@code parts}, for the samples; orders and events dated after
     * {@code :horizon} are kept with their date, since whether they lie in the future depends on when one asks.
     * Customers and merges are read from their contributions, written first, so the phone and email checks run once
     * per customer. Null when there are none.
     */
    String findings(Customers set, Set<Part> parts) {
        return findings(set, parts, EnumSet.allOf(QualityCheck.class));
    }

    /** {@link #findings(Customers, Set)} of the given checks only. */
    String findings(Customers set, Set<Part> parts, Set<QualityCheck> checks) {
        List<String> rows = new ArrayList<>();
        if (parts.contains(Part.CUSTOMERS) && set != Customers.WAITING) {
            rows.add(contributionFindings(set));
        }
        if (parts.contains(Part.ORDERS)) {
            if (set == Customers.WAITING && checks.contains(QualityCheck.ORDERS_WITHOUT_CUSTOMER)) {
                rows.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_WITHOUT_CUSTOMER, "1 = 1"));
            }
            if (checks.contains(QualityCheck.ORDERS_NON_POSITIVE_AMOUNT)) {
                rows.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT,
                        "o.amount <= 0"));
            }
            if (checks.contains(QualityCheck.ORDERS_IN_FUTURE)) {
                rows.add(recordRows("orders", "ordered_at", set, QualityCheck.ORDERS_IN_FUTURE,
                        "o.ordered_at > :horizon"));
            }
        }
        if (parts.contains(Part.EVENTS)) {
            if (set == Customers.WAITING) {
                rows.add(recordRows("events", "occurred_at", set, QualityCheck.EVENTS_WITHOUT_CUSTOMER, "1 = 1"));
            }
            rows.add(recordRows("events", "occurred_at", set, QualityCheck.EVENTS_IN_FUTURE,
                    "o.occurred_at > :horizon"));
        }
        return rows.isEmpty() ? null
                : "INSERT INTO quality_findings (check_code, record_id, customer_id, source, owner_id, team_id,"
                        + " dated_at) " + String.join("\nUNION ALL\n", rows);
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
     * Writes the contributions and then the findings of the set derived from {@code parts} (the findings of
     * customers are read from their contributions); {@code params} binds {@code :first} and {@code :last} for a RANGE.
     */
    void recompute(JdbcClient jdbc, Customers set, Set<Part> parts, Map<String, Object> params) {
        String contributions = contributions(set, parts);
        if (contributions != null) {
            jdbc.sql(contributions).params(params).update();
        }
        String findings = findings(set, parts);
        if (findings != null) {
            jdbc.sql(findings).params(params).param("horizon", horizon()).update();
        }
    }

    /**
     * Orders and events dated after now less this margin are kept as candidates for "in the future", so a report
     * asked at any later time (or by a clock a little behind the database's) still finds all of them.
     */
    private static final Duration FUTURE_MARGIN = Duration.ofDays(1);

    static OffsetDateTime horizon() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(FUTURE_MARGIN);
    }

    /** Adds up the contributions of the set by source, owner and team, times {@code :sign}. */
    static String apply(Customers set) {
        return apply(set, EVERY_PART);
    }

    /** Adds up the contributions of the set derived from {@code parts}, times {@code :sign}. */
    static String apply(Customers set, Set<Part> parts) {
        return "INSERT INTO quality_figures (source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " SELECT source, owner_id, team_id, " + String.join(", ", COUNTERS.stream()
                .map(counter -> ":sign * SUM(" + counter + ")").toList())
                + " FROM quality_contributions WHERE " + set.on("customer_id") + " AND " + derivedFrom(parts, false)
                + " GROUP BY source, owner_id, team_id";
    }

    /**
     * Deletes the contributions of the set derived from {@code parts} and subtracts them from the figures, in one pass
     * over the table (PostgreSQL: a DELETE .. RETURNING feeding the INSERT).
     */
    static String deleteSubtracting(Customers set, Set<Part> parts) {
        return "WITH gone AS (DELETE FROM quality_contributions WHERE " + set.on("customer_id") + " AND "
                + derivedFrom(parts, false) + " RETURNING source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " INSERT INTO quality_figures (source, owner_id, team_id, " + COUNTER_LIST + ")"
                + " SELECT source, owner_id, team_id, " + String.join(", ", COUNTERS.stream()
                .map(counter -> "-SUM(" + counter + ")").toList())
                + " FROM gone GROUP BY source, owner_id, team_id";
    }

    /** Deletes the rows of the set from a table keyed by customer_id. */
    static String delete(String table, Customers set) {
        return delete(table, set, EVERY_PART);
    }

    /** Deletes the rows of the set derived from {@code parts} from quality_contributions or quality_findings. */
    static String delete(String table, Customers set, Set<Part> parts) {
        return "DELETE FROM " + table + " WHERE " + set.on("customer_id") + " AND "
                + derivedFrom(parts, table.equals("quality_findings"));
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
