package org.strata.server.quality;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.customer.DisplayTime;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the data-quality report. Counting is done in SQL grouped by source; phone and email validity is checked in
 * Java over one streamed pass of the customers, because the databases disagree on regular-expression syntax.
 */
@Service
public class QualityReportService {

    static final int SAMPLES = 5;

    /** +86 mobile (1[3-9] and 9 digits) or landline (area code and number, 9 to 11 digits); elsewhere plain E.164. */
    private static final Pattern VALID_PHONE =
            Pattern.compile("\\+(?:86(?:1[3-9][0-9]{9}|[2-9][0-9]{8,10})|(?!86)[1-9][0-9]{6,14})");
    private static final Pattern VALID_EMAIL = Pattern.compile("[^@\\sA-Z]+@[^@\\sA-Z]+\\.[^@\\sA-Z]+");

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final DisplayTime time;
    private final Clock clock;

    @Autowired
    public QualityReportService(DataSource dataSource, DisplayTime time) {
        this(dataSource, time, Clock.systemUTC());
    }

    QualityReportService(DataSource dataSource, DisplayTime time, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // Streams the customers instead of holding a million rows (PostgreSQL needs this inside a transaction).
        this.streaming.setFetchSize(2000);
        this.time = time;
        this.clock = clock;
    }

    /** @param source restricts the report to one source; null for all */
    @Transactional(readOnly = true)
    public QualityReport report(String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, SourceTally> tallies = new TreeMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now.toInstant()))
                .addValue("source", source);
        String onlySource = source == null ? "" : " AND x.source = :source";

        countRecords(tallies, "customers x", "x.merged_into IS NULL" + onlySource, params, Kind.CUSTOMERS);
        countRecords(tallies, "orders x", "1 = 1" + onlySource, params, Kind.ORDERS);
        countRecords(tallies, "events x", "1 = 1" + onlySource, params, Kind.EVENTS);
        checkContactDetails(tallies, source);

        String absorbedFrom = "identity_merges m JOIN customers x ON x.id = m.absorbed_id";
        tally(tallies, QualityCheck.MERGES_ACTIVE, absorbedFrom, "m.absorbed_id", "m.undone_at IS NULL" + onlySource, params);
        tally(tallies, QualityCheck.MERGES_UNDONE, absorbedFrom, "m.absorbed_id", "m.undone_at IS NOT NULL" + onlySource, params);
        tally(tallies, QualityCheck.ORDERS_WITHOUT_CUSTOMER, "orders x", "x.id", "x.customer_id IS NULL" + onlySource, params);
        tally(tallies, QualityCheck.ORDERS_IN_FUTURE, "orders x", "x.id", "x.ordered_at > :now" + onlySource, params);
        tally(tallies, QualityCheck.ORDERS_NON_POSITIVE_AMOUNT, "orders x", "x.id", "x.amount <= 0" + onlySource, params);
        tally(tallies, QualityCheck.EVENTS_WITHOUT_CUSTOMER, "events x", "x.id", "x.customer_id IS NULL" + onlySource, params);
        tally(tallies, QualityCheck.EVENTS_IN_FUTURE, "events x", "x.id", "x.occurred_at > :now" + onlySource, params);

        SourceTally total = new SourceTally(null);
        tallies.values().forEach(total::add);
        List<QualityReport.SourceQuality> sources = new ArrayList<>();
        tallies.values().forEach(tally -> sources.add(tally.toReport()));
        return new QualityReport(time.of(now), source, sources, total.toReport());
    }

    private enum Kind { CUSTOMERS, ORDERS, EVENTS }

    private void countRecords(Map<String, SourceTally> tallies, String from, String where,
                              MapSqlParameterSource params, Kind kind) {
        jdbc.query("SELECT x.source, COUNT(*) AS n FROM " + from + " WHERE " + where + " GROUP BY x.source", params,
                rs -> {
                    SourceTally tally = tallies.computeIfAbsent(rs.getString("source"), SourceTally::new);
                    long n = rs.getLong("n");
                    switch (kind) {
                        case CUSTOMERS -> tally.customers += n;
                        case ORDERS -> tally.orders += n;
                        case EVENTS -> tally.events += n;
                    }
                });
    }

    /** Counts records matching a condition per source, and takes the smallest ids of each source as samples. */
    private void tally(Map<String, SourceTally> tallies, QualityCheck check, String from, String idColumn,
                       String where, MapSqlParameterSource params) {
        jdbc.query("SELECT x.source, COUNT(*) AS n FROM " + from + " WHERE " + where + " GROUP BY x.source", params,
                rs -> {
                    tallies.computeIfAbsent(rs.getString("source"), SourceTally::new).finding(check).count =
                            rs.getLong("n");
                });
        jdbc.query("SELECT source, id FROM (SELECT x.source, " + idColumn + " AS id, ROW_NUMBER() OVER"
                        + " (PARTITION BY x.source ORDER BY " + idColumn + ") AS rn FROM " + from + " WHERE " + where
                        + ") s WHERE rn <= " + SAMPLES + " ORDER BY source, id", params,
                rs -> {
                    tallies.get(rs.getString("source")).finding(check).samples.add(rs.getLong("id"));
                });
    }

    private void checkContactDetails(Map<String, SourceTally> tallies, String source) {
        String sql = "SELECT id, source, phone, email FROM customers WHERE merged_into IS NULL"
                + (source == null ? "" : " AND source = ?") + " ORDER BY id";
        Object[] args = source == null ? new Object[0] : new Object[] {source};
        streaming.query(sql, rs -> {
            SourceTally tally = tallies.computeIfAbsent(rs.getString("source"), SourceTally::new);
            long id = rs.getLong("id");
            String phone = rs.getString("phone");
            String email = rs.getString("email");
            if (phone == null || phone.isBlank()) {
                tally.finding(QualityCheck.CUSTOMERS_MISSING_PHONE).record(id);
            } else if (!VALID_PHONE.matcher(phone).matches()) {
                tally.finding(QualityCheck.CUSTOMERS_INVALID_PHONE).record(id);
            }
            if (email == null || email.isBlank()) {
                tally.finding(QualityCheck.CUSTOMERS_MISSING_EMAIL).record(id);
            } else if (!VALID_EMAIL.matcher(email).matches()) {
                tally.finding(QualityCheck.CUSTOMERS_INVALID_EMAIL).record(id);
            }
        }, args);
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

        FindingTally finding(QualityCheck check) {
            return findings.get(check);
        }

        void add(SourceTally other) {
            customers += other.customers;
            orders += other.orders;
            events += other.events;
            other.findings.forEach((check, finding) -> {
                FindingTally mine = findings.get(check);
                mine.count += finding.count;
                mine.samples.addAll(finding.samples);
            });
        }

        QualityReport.SourceQuality toReport() {
            List<QualityReport.Finding> list = new ArrayList<>();
            findings.forEach((check, f) -> list.add(new QualityReport.Finding(check.code(), check.label(),
                    check.description(), check.entity(), f.count,
                    f.samples.stream().sorted().limit(SAMPLES).toList())));
            return new QualityReport.SourceQuality(source, customers, orders, events, list);
        }
    }

    private static final class FindingTally {
        long count;
        final List<Long> samples = new ArrayList<>();

        void record(long id) {
            count++;
            if (samples.size() < SAMPLES) {
                samples.add(id);
            }
        }
    }
}
