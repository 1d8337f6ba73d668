package org.strata.server.quality;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.access.PersonalDataErased;
import org.strata.server.quality.QualityStatements.Customers;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.SummedRows;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.AllCustomerDataChanged.Part;
import org.strata.server.tiering.CustomerDataChanged;

/**
 * Keeps the maintained quality figures (V51) equal to what {@link DirectQualityReport} finds in the base tables, the
 * way DashboardFigures keeps the dashboard's: a change is applied to the customers it touched (what they contributed
 * is subtracted, recomputed from the base tables, and added again), and the orders and events of no known customer
 * are recomputed with every refresh (they belong to no customer that could be named). Merges, undo, owner changes
 * and small imports announce their customers; a change too large to list them rebuilds everything; a bulk load and
 * an import that touched no customer call {@link #importWritten}.
 *
 * <p>Refreshes apply their differences one after another: each first updates the one row of
 * {@code quality_refresh_lock}, which the database holds locked until the refresh commits. The chunks of a rebuild
 * take the same row; while the figures are not built, a refresh applies only to the customers the rebuild has already
 * committed and leaves the rest to it.
 */
@Service
public class QualityFigures {

    private static final Logger log = LoggerFactory.getLogger(QualityFigures.class);

    /** Up to this many customers a refresh looks their rows up one by one; more are joined set-wise. */
    private static final long INDEX_LOOKUPS_AT_MOST = 50_000;

    static final SummedRows FIGURES = new SummedRows("quality_figures", List.of("source", "owner_id", "team_id"),
            QualityStatements.COUNTERS);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;
    private final QualityStatements statements;
    private final QualityRebuild rebuild;
    private final TransactionTemplate transaction;
    /** Rows of quality_figures after the last compaction; more than twice as many (and many) trigger the next. */
    private volatile long compactedRows;

    QualityFigures(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, QualityStatements statements,
                   QualityRebuild rebuild, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.statements = statements;
        this.rebuild = rebuild;
        this.transaction = new TransactionTemplate(transactions);
        // a refresh announced after another transaction committed must commit on its own
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Recomputes every figure from the base tables (after a large change, or on a database that never had them), in
     * committed chunks of customers (see {@link QualityRebuild}); the report reads the base tables until it is done.
     */
    public void rebuildAll() {
        rebuildAll(last -> { });
    }

    /** {@link #rebuildAll()}, telling {@code afterChunk} the last customer id of each committed chunk but the last. */
    void rebuildAll(Consumer<Long> afterChunk) {
        rebuildAfter(QualityStatements.EVERY_PART, afterChunk);
    }

    /**
     * Recomputes what is derived from the {@code changed} parts of the data for everyone and keeps the rest: after a
     * bulk load of orders every customer's phone and email check stays as it was (see {@link QualityRebuild}).
     */
    public void rebuildAfter(Set<Part> changed) {
        rebuildAfter(changed, last -> { });
    }

    /** {@link #rebuildAfter(Set)}, telling {@code afterChunk} the last id of each committed chunk but the last. */
    void rebuildAfter(Set<Part> changed, Consumer<Long> afterChunk) {
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("a rebuild follows a change of at least one part of the data");
        }
        rebuild.run(changed, afterChunk);
        compactedRows = rows();
    }

    /**
     * The customers, orders, events or merges of these customers changed (and were committed); the waiting orders
     * and events are brought up to date too.
     */
    public void refreshCustomers(Collection<Long> customerIds) {
        transaction.executeWithoutResult(status -> {
            lock();
            template.update("DELETE FROM quality_refresh_set");
            template.batchUpdate("INSERT INTO quality_refresh_set (customer_id) VALUES (?)",
                    customerIds.stream().distinct().map(id -> new Object[] {id}).toList());
            refreshSet();
        });
    }

    /**
     * An import wrote its rows, starting at {@code since} ({@code lastEventIdBefore}: the largest event id before
     * it): applies what it changed, found in the data as ImportAftermath finds it. Set-based, so a bulk load of a
     * million customers costs statements, not a million ids in memory; when it touched most customers, rebuilding
     * everything is cheaper than subtracting and adding them.
     */
    public void importWritten(OffsetDateTime since, long lastEventIdBefore) {
        long started = System.nanoTime();
        boolean rebuild = Boolean.TRUE.equals(transaction.execute(status -> {
            lock();
            template.update("DELETE FROM quality_refresh_set");
            long touched = jdbc.sql("""
                            INSERT INTO quality_refresh_set (customer_id)
                            SELECT id FROM customers WHERE updated_at >= :since
                            UNION SELECT customer_id FROM orders WHERE updated_at >= :since AND customer_id IS NOT NULL
                            UNION SELECT survivor_id FROM identity_merges WHERE merged_at >= :since
                            UNION SELECT absorbed_id FROM identity_merges WHERE merged_at >= :since
                            UNION SELECT customer_id FROM events WHERE id > :lastEvent AND customer_id IS NOT NULL""")
                    .param("since", since).param("lastEvent", lastEventIdBefore).update();
            long all = jdbc.sql("SELECT COUNT(*) FROM customers").query(Long.class).single();
            if (touched > all / 2 && touched > 1_000) {
                status.setRollbackOnly();
                return true;
            }
            refreshSet();
            return false;
        }));
        if (rebuild) {
            rebuildAll();
        }
        log.debug("quality figures after an import refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Ingestion, merges and owner changes announce the customers whose data changed; apply it once committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerDataChanged event) {
        refreshCustomers(event.customerIds());
    }

    /** Erasure blanks phones and emails: the customers now miss them. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonalDataErased event) {
        refreshCustomers(event.customerIds());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AllCustomerDataChanged event) {
        Set<Part> changed = EnumSet.noneOf(Part.class);
        for (Part part : Part.values()) {
            if (event.changed(part)) {
                changed.add(part);
            }
        }
        event.recompute("quality-figures", () -> rebuildAfter(changed));
    }

    /** A database that had customers before the figures existed gets them once. */
    @EventListener(ApplicationReadyEvent.class)
    void buildIfNeverBuilt() {
        if (!built()) {
            rebuildAll();
        }
    }

    boolean built() {
        return rebuild.built();
    }

    /** Subtracts, recomputes and adds again the customers of quality_refresh_set and the waiting rows. */
    private void refreshSet() {
        // An absorbed customer's orders and events are held by the root of its group: its figures move with them.
        int added;
        do {
            added = template.update("""
                    INSERT INTO quality_refresh_set (customer_id)
                    SELECT DISTINCT c.merged_into FROM customers c
                    WHERE c.id IN (SELECT customer_id FROM quality_refresh_set) AND c.merged_into IS NOT NULL
                      AND c.merged_into NOT IN (SELECT customer_id FROM quality_refresh_set)""");
        } while (added > 0);
        // While the figures are not built a rebuild is under way or has yet to start: the customers it has already
        // rebuilt are refreshed in the figures, the others get their rows recomputed (a rebuild that keeps their
        // customer rows must find them current) and are added to the figures by their chunk.
        boolean built = built();
        Long rebuiltThrough = built ? null : rebuiltThrough();
        template.execute(dialect.analyze("quality_refresh_set"));
        long refreshed = jdbc.sql("SELECT COUNT(*) FROM quality_refresh_set").query(Long.class).single();
        if (refreshed <= INDEX_LOOKUPS_AT_MOST) {
            // a few customers among millions: every statement below must reach their rows through the indexes
            dialect.preferIndexLookups(template);
        }
        Customers inFigures = built ? Customers.REFRESH_SET : Customers.REFRESH_SET_REBUILT;
        Map<String, Object> through = rebuiltThrough == null ? Map.of() : Map.of("rebuiltThrough", rebuiltThrough);
        boolean anyInFigures = built || rebuiltThrough != null;
        // the waiting rows are written by a rebuild's last chunk, which also marks the figures built
        for (Customers customers : built ? List.of(Customers.REFRESH_SET, Customers.WAITING)
                : List.of(Customers.REFRESH_SET)) {
            Customers applied = customers == Customers.WAITING ? customers : inFigures;
            if (anyInFigures) {
                jdbc.sql(QualityStatements.apply(applied)).params(through).param("sign", -1).update();
            }
            template.update(QualityStatements.delete("quality_contributions", customers));
            template.update(QualityStatements.delete("quality_findings", customers));
            statements.recompute(jdbc, customers, QualityStatements.EVERY_PART, Map.of());
            if (anyInFigures) {
                jdbc.sql(QualityStatements.apply(applied)).params(through).param("sign", 1).update();
            }
        }
        long rows = rows();
        if (rows > 2 * Math.max(compactedRows, 500)) {
            FIGURES.compact(template, dialect);
            compactedRows = rows();
        }
        template.update("DELETE FROM quality_refresh_set");
    }

    /** The last customer id the rebuild under way has committed, null before its first chunk commits. */
    private Long rebuiltThrough() {
        return jdbc.sql("SELECT rebuilt_through FROM quality_refresh_lock WHERE id = 1")
                .query(Long.class).optional().orElse(null);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM quality_figures").query(Long.class).single();
    }

    private void lock() {
        template.update(QualityStatements.LOCK);
    }
}
