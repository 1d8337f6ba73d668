package org.strata.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.customer.DisplayTime;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills an empty database with a realistic demo company (see {@link DemoCompany}): teams and sales staff,
 * tens of thousands of customers, two years of orders and events, and a few merged duplicates. Does nothing when
 * customers already exist, so {@code strata demo} can be run again on the same data folder.
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CustomerStatsRefresher stats;
    private final DisplayTime time;
    private final ApplicationEventPublisher events;
    private final SqlDialect dialect;

    public DemoDataGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, CustomerStatsRefresher stats,
                             DisplayTime time, ApplicationEventPublisher events, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.events = events;
        this.dialect = dialect;
        this.transaction = new TransactionTemplate(transactions);
        this.stats = stats;
        this.time = time;
    }

    /** What was generated. */
    public record Summary(long customers, long orders, long events, long merges, Duration took) {
    }

    /** The default demo company: 30,000 customers, two years up to now. */
    DemoSettings defaultSettings() {
        return new DemoSettings(DemoSettings.DEFAULT_SEED, DemoSettings.DEFAULT_CUSTOMERS, Clock.systemUTC().instant(),
                time.zone());
    }

    /**
     * Generates the demo company if the database holds no customers, orders or events. Rows are committed batch
     * by batch (see DemoWriter); should anything fail, everything the generator wrote is removed again, so that the
     * next run starts afresh instead of finding a half-built company and skipping it.
     */
    public Optional<Summary> generateIfEmpty(DemoSettings settings) {
        if (!isEmpty()) {
            log.info("The database holds customers, orders or events already; no demo data generated");
            return Optional.empty();
        }
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        DemoWriter writer = new DemoWriter(jdbc, transaction);
        long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM customers", Long.class);
        try {
            Map<String, Long> teams = teams();
            DemoCompany company = new DemoCompany(settings, writer, users(teams), teams, firstId);
            List<Long> stale = company.build();
            // The customers were written with their ids; the identity column must continue after them.
            jdbc.execute("ALTER TABLE customers ALTER COLUMN id RESTART WITH " + (company.lastCustomerId() + 1));
            stats.refresh(stale);
            AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside());
        } catch (RuntimeException e) {
            removeDemoRows();
            throw e;
        }
        Summary summary = new Summary(writer.written(DemoTable.CUSTOMERS), writer.written(DemoTable.ORDERS),
                writer.written(DemoTable.EVENTS), writer.written(DemoTable.MERGES),
                Duration.ofNanos(System.nanoTime() - started));
        // CPU time says more than wall time on a busy machine
        log.info("Demo data generated: {} (CPU {} ms)", summary, (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
        return Optional.of(summary);
    }

    boolean isEmpty() {
        for (String table : new String[] {"customers", "orders", "events"}) {
            // the table names are the literals above
            if (!jdbc.queryForList("SELECT id FROM " + table + " FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The database was empty of these before the demo started, so all their rows are the demo's. */
    private void removeDemoRows() {
        for (String sql : new String[] {"DELETE FROM identity_merges", "DELETE FROM customer_identifiers",
                "DELETE FROM events", "DELETE FROM orders", "DELETE FROM customer_figures",
                "UPDATE customers SET merged_into = NULL", "DELETE FROM customers"}) {
            jdbc.update(sql);
        }
    }

    /** Creates the demo teams that do not exist yet; returns the id of every demo team by code. */
    private Map<String, Long> teams() {
        Map<String, Long> ids = new HashMap<>();
        for (DemoCatalogue.Team team : DemoCatalogue.TEAMS) {
            List<Long> existing = jdbc.queryForList("SELECT id FROM teams WHERE code = ?", Long.class, team.code());
            if (existing.isEmpty()) {
                jdbc.update("INSERT INTO teams (code, name, parent_id) VALUES (?, ?, ?)", team.code(), team.name(),
                        team.parentCode() == null ? null : ids.get(team.parentCode()));
                existing = jdbc.queryForList("SELECT id FROM teams WHERE code = ?", Long.class, team.code());
            }
            ids.put(team.code(), existing.get(0));
        }
        return ids;
    }

    private Map<String, Long> users(Map<String, Long> teams) {
        Map<String, Long> ids = new HashMap<>();
        for (DemoCatalogue.User user : DemoCatalogue.USERS) {
            List<Long> existing = jdbc.queryForList("SELECT id FROM users WHERE username = ?", Long.class,
                    user.username());
            if (existing.isEmpty()) {
                jdbc.update("INSERT INTO users (username, display_name, email, team_id) VALUES (?, ?, ?, ?)",
                        user.username(), user.displayName(), user.username() + "@demo.strata.dev",
                        teams.get(user.teamCode()));
                existing = jdbc.queryForList("SELECT id FROM users WHERE username = ?", Long.class, user.username());
            }
            ids.put(user.username(), existing.get(0));
        }
        return ids;
    }
}
