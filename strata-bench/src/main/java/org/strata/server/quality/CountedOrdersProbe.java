package org.strata.server.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.tiering.AllCustomerDataChanged.Part;

/**
 * What {@code org.strata.bench.CountedOrdersRebuildBench} needs of the quality package's internals, kept in the bench
 * module (same package, so the server exposes nothing for it): counts of the stored orders as a first load would have
 * made them, and the rebuild from such counts without the proof that they are the load's (the stored orders of a data
 * directory were not written by one transaction; the proof's query is timed apart).
 */
public final class CountedOrdersProbe {

    private static final Set<Part> ORDERS = Set.of(Part.ORDERS);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObservedOrdersRebuild rebuild;
    private ObservedOrders.Load load;

    public CountedOrdersProbe(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.rebuild = context.getBean(ObservedOrdersRebuild.class);
    }

    /** Counts the stored orders, as OrderBulkWriter shows them to ObservedOrders while it copies them. */
    public long countStoredOrders() {
        OrderCounts counts = new OrderCounts();
        transaction.executeWithoutResult(status -> jdbc.query(connection -> {
            var select = connection.prepareStatement("SELECT customer_id, source, amount, ordered_at FROM orders");
            select.setFetchSize(10_000);
            return select;
        }, row -> {
            long customer = row.getLong(1);
            Long customerId = row.wasNull() ? null : customer;
            BigDecimal amount = row.getBigDecimal(3);
            counts.add(customerId, row.getString(2), amount.setScale(2, RoundingMode.HALF_UP).signum() <= 0,
                    row.getObject(4, OffsetDateTime.class));
        }));
        load = new ObservedOrders.Load(counts, "0");
        return counts.seen();
    }

    /**
     * Takes the orders' rows out of the figures, as they are before the first load of orders: a rebuild after that
     * load finds only the customers' rows (the bench calls this before each timed rebuild, untimed).
     */
    public void forgetOrdersRows() {
        transaction.executeWithoutResult(status -> {
            jdbc.update(QualityStatements.LOCK);
            jdbc.update(QualityStatements.deleteSubtracting(QualityStatements.Customers.ALL_AND_WAITING, ORDERS));
            jdbc.update(QualityStatements.delete("quality_findings", QualityStatements.Customers.ALL_AND_WAITING,
                    ORDERS));
        });
        // as freshly written as after the customers' load: no dead rows left for the timed rebuild to step over
        jdbc.execute("VACUUM quality_contributions");
    }

    /** The proof's query (its answer, false here, is ignored) and the rebuild from the counts, in one transaction. */
    public void rebuildFromCounts() {
        transaction.executeWithoutResult(status -> {
            jdbc.update(QualityStatements.LOCK);
            rebuild.stillStored(load);
            rebuild.rebuild(load);
        });
    }
}
