package org.strata.server.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The data-quality report computed from the base tables in one streamed pass over each of customers, orders, events
 * and merges: every check is a predicate on a row, so adding a check adds no scan. It is the reference the
 * maintained figures ({@link QualityFigures}) must equal, and the report for a scope that reads more of a customer
 * than its owner and team. At a million customers it takes many seconds.
 */
@Component
class DirectQualityReport {

    private final JdbcTemplate streaming;
    private final CustomerScope scope;

    DirectQualityReport(DataSource dataSource, CustomerScope scope) {
        this.scope = scope;
        this.streaming = new JdbcTemplate(dataSource);
        // Streams rows instead of holding millions of them (PostgreSQL needs this inside a transaction).
        this.streaming.setFetchSize(5000);
    }

    /** Must run inside a transaction (for the streaming); {@code source} null for all sources. */
    QualityTally tally(String source, OffsetDateTime now) {
        QualityTally tallies = new QualityTally();
        String onlySource = source == null ? "" : " AND x.source = ?";
        Object[] args = source == null ? new Object[0] : new Object[] {source};
        // The report counts only what the caller may see: their customers, and orders and events of those.
        ScopeCondition.Positional visible = scope.condition("x").positional();
        ScopeCondition.Positional visibleCustomer = scope.condition("c").positional();
        String ofVisibleCustomer = scope.condition("c").isEverything() ? ""
                : " AND x.customer_id IN (SELECT c.id FROM customers c WHERE " + visibleCustomer.sql() + ")";
        Object[] customerArgs = withScope(args, visible);
        Object[] rowArgs = ofVisibleCustomer.isEmpty() ? args : withScope(args, visibleCustomer);

        scan("SELECT x.id, x.source, x.phone, x.email FROM customers x WHERE x.merged_into IS NULL" + onlySource
                        + " AND " + visible.sql(), customerArgs, tallies, (rs, id, tally) -> {
                    tally.customers++;
                    String phone = rs.getString("phone");
                    String email = rs.getString("email");
                    if (QualityRules.isMissing(phone)) {
                        tally.record(QualityCheck.CUSTOMERS_MISSING_PHONE, id);
                    } else if (!QualityRules.isValidPhone(phone)) {
                        tally.record(QualityCheck.CUSTOMERS_INVALID_PHONE, id);
                    }
                    if (QualityRules.isMissing(email)) {
                        tally.record(QualityCheck.CUSTOMERS_MISSING_EMAIL, id);
                    } else if (!QualityRules.isValidEmail(email)) {
                        tally.record(QualityCheck.CUSTOMERS_INVALID_EMAIL, id);
                    }
                });
        scan("SELECT m.absorbed_id AS id, x.source, m.undone_at FROM identity_merges m"
                        + " JOIN customers x ON x.id = m.absorbed_id WHERE 1 = 1" + onlySource
                        + " AND " + visible.sql(),
                customerArgs, tallies,
                (rs, id, tally) -> tally.record(rs.getObject("undone_at") == null ? QualityCheck.MERGES_ACTIVE
                        : QualityCheck.MERGES_UNDONE, id));
        scan("SELECT x.id, x.source, x.customer_id, x.ordered_at, x.amount FROM orders x WHERE 1 = 1" + onlySource
                        + ofVisibleCustomer, rowArgs, tallies, (rs, id, tally) -> {
                    tally.orders++;
                    if (rs.getObject("customer_id") == null) {
                        tally.record(QualityCheck.ORDERS_WITHOUT_CUSTOMER, id);
                    }
                    if (rs.getObject("ordered_at", OffsetDateTime.class).isAfter(now)) {
                        tally.record(QualityCheck.ORDERS_IN_FUTURE, id);
                    }
                    if (rs.getBigDecimal("amount").signum() <= 0) {
                        tally.record(QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, id);
                    }
                });
        scan("SELECT x.id, x.source, x.customer_id, x.occurred_at FROM events x WHERE 1 = 1" + onlySource
                        + ofVisibleCustomer, rowArgs, tallies, (rs, id, tally) -> {
                    tally.events++;
                    if (rs.getObject("customer_id") == null) {
                        tally.record(QualityCheck.EVENTS_WITHOUT_CUSTOMER, id);
                    }
                    if (rs.getObject("occurred_at", OffsetDateTime.class).isAfter(now)) {
                        tally.record(QualityCheck.EVENTS_IN_FUTURE, id);
                    }
                });
        return tallies;
    }

    /** What a scan checks on each row; {@code id} is the row's id, {@code tally} its source's counts. */
    @FunctionalInterface
    private interface RowCheck {
        void check(ResultSet rs, long id, QualityTally.SourceTally tally) throws SQLException;
    }

    private void scan(String sql, Object[] args, QualityTally tallies, RowCheck check) {
        streaming.query(sql, rs -> {
            check.check(rs, rs.getLong("id"), tallies.of(rs.getString("source")));
        }, args);
    }

    private static Object[] withScope(Object[] args, ScopeCondition.Positional scope) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.addAll(scope.args());
        return all.toArray();
    }
}
