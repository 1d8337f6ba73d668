package org.strata.server.quality;

import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.customer.DisplayTime;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the data-quality report in one streamed pass over each of customers, orders, events and merges: every
 * check is a predicate on a row, so adding a check adds no scan, and phone/email validity (whose regular-expression
 * syntax the databases disagree on) is checked in Java like the rest.
 */
@Service
public class QualityReportService {

    static final int SAMPLES = 5;

    /** +86 mobile (1[3-9] and 9 digits) or landline (area code and number, 9 to 11 digits); elsewhere plain E.164. */
    private static final Pattern VALID_PHONE =
            Pattern.compile("\\+(?:86(?:1[3-9][0-9]{9}|[2-9][0-9]{8,10})|(?!86)[1-9][0-9]{6,14})");
    private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\sA-Z]+@[^@\\sA-Z]+\\.[^@\\sA-Z]+");

    private final JdbcTemplate streaming;
    private final DisplayTime time;
    private final Clock clock;
    private final CustomerScope scope;

    @Autowired
    public QualityReportService(DataSource dataSource, DisplayTime time, CustomerScope scope) {
        this(dataSource, time, Clock.systemUTC(), scope);
    }

    QualityReportService(DataSource dataSource, DisplayTime time, Clock clock, CustomerScope scope) {
        this.scope = scope;
        this.streaming = new JdbcTemplate(dataSource);
        // Streams rows instead of holding millions of them (PostgreSQL needs this inside a transaction).
        this.streaming.setFetchSize(5000);
        this.time = time;
        this.clock = clock;
    }

    /** @param source restricts the report to one source; null for all */
    @Transactional(readOnly = true)
    public QualityReport report(String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, SourceTally> tallies = new TreeMap<>();
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
                    if (phone == null || phone.isBlank()) {
                        tally.record(QualityCheck.CUSTOMERS_MISSING_PHONE, id);
                    } else if (!isValidPhone(phone)) {
                        tally.record(QualityCheck.CUSTOMERS_INVALID_PHONE, id);
                    }
                    if (email == null || email.isBlank()) {
                        tally.record(QualityCheck.CUSTOMERS_MISSING_EMAIL, id);
                    } else if (!isValidEmail(email)) {
                        tally.record(QualityCheck.CUSTOMERS_INVALID_EMAIL, id);
                    }
                });
        scan("SELECT m.absorbed_id AS id, x.source, m.undone_at FROM identity_merges m"
                        + " JOIN customers x ON x.id = m.absorbed_id WHERE 1 = 1" + onlySource + " AND " + visible.sql(),
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

        SourceTally total = new SourceTally(null);
        tallies.values().forEach(total::add);
        List<QualityReport.SourceQuality> sources = new ArrayList<>();
        tallies.values().forEach(tally -> sources.add(tally.toReport()));
        return new QualityReport(time.of(now), source, sources, total.toReport());
    }

    /** What a scan checks on each row; {@code id} is the row's id, {@code tally} its source's counts. */
    @FunctionalInterface
    private interface RowCheck {
        void check(ResultSet rs, long id, SourceTally tally) throws SQLException;
    }

    private void scan(String sql, Object[] args, Map<String, SourceTally> tallies, RowCheck check) {
        streaming.query(sql, rs -> {
            check.check(rs, rs.getLong("id"), tallies.computeIfAbsent(rs.getString("source"), SourceTally::new));
        }, args);
    }

    private static Object[] withScope(Object[] args, ScopeCondition.Positional scope) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.addAll(scope.args());
        return all.toArray();
    }

    static boolean isValidPhone(String phone) {
        return VALID_PHONE.matcher(phone).matches();
    }

    static boolean isValidEmail(String email) {
        return VALID_EMAIL.matcher(email).matches();
    }

    /** Counts of one source while the report is built. */
    private static final class SourceTally {
        final String source;
        long customers;
        long orders;
        long events;
        final Map<QualityCheck, FindingTally> findings = new EnumMap<>(QualityCheck.class);

        SourceTally(String source) {
            this.source = source;
            for (QualityCheck check : QualityCheck.values()) {
                findings.put(check, new FindingTally());
            }
        }

        void record(QualityCheck check, long id) {
            findings.get(check).record(id);
        }

        void add(SourceTally other) {
            customers += other.customers;
            orders += other.orders;
            events += other.events;
            other.findings.forEach((check, finding) -> findings.get(check).add(finding));
        }

        QualityReport.SourceQuality toReport() {
            List<QualityReport.Finding> list = new ArrayList<>();
            findings.forEach((check, f) -> list.add(new QualityReport.Finding(check.code(), check.label(),
                    check.description(), check.entity(), f.count, List.copyOf(f.samples))));
            return new QualityReport.SourceQuality(source, customers, orders, events, list);
        }
    }

    /** A count and the smallest ids seen, whatever order the rows come in. */
    private static final class FindingTally {
        long count;
        final TreeSet<Long> samples = new TreeSet<>();

        void record(long id) {
            count++;
            sample(id);
        }

        void add(FindingTally other) {
            count += other.count;
            other.samples.forEach(this::sample);
        }

        private void sample(long id) {
            samples.add(id);
            if (samples.size() > SAMPLES) {
                samples.pollLast();
            }
        }
    }
}
