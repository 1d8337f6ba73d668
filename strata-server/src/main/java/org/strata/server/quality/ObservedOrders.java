package org.strata.server.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.FirstOrderLoadObserver;
import org.strata.server.tiering.LoadedOrders;

/**
 * Counts the orders of a first bulk load as they are copied ({@link OrderCounts}), for the rebuild of the quality
 * figures that follows the load ({@link ObservedOrdersRebuild}). The counts are handed over only when the load said
 * they are exactly what it stored and then committed, together with the load's transaction id: every order row the
 * load wrote carries it, so the rebuild can prove that the stored orders are still those counted (no order written,
 * changed or deleted since) before it uses them. They are taken once; a rolled-back load leaves nothing.
 * <p>
 * PostgreSQL only (the bulk loads are); elsewhere, or outside a transaction, the orders are not counted.
 */
@Component
class ObservedOrders implements FirstOrderLoadObserver {

    /** The counts of the last committed first load and its transaction id, until a rebuild takes them. */
    record Load(OrderCounts counts, String transactionId) {
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final AtomicReference<Load> committed = new AtomicReference<>();

    ObservedOrders(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect instanceof PostgresDialect;
    }

    @Override
    public Orders begin() {
        // counts of an earlier load are out of date once another load begins
        committed.set(null);
        if (!postgres || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Ignored.ORDERS;
        }
        // the id the load's rows carry as xmin (32 bits, as PostgreSQL stores it in a row)
        String transactionId = LoadedOrders.currentTransaction(jdbc);
        Counting counting = new Counting(transactionId);
        TransactionSynchronizationManager.registerSynchronization(counting);
        return counting;
    }

    /** The counts of the last first load if it committed complete, and only once; null otherwise. */
    Load take() {
        return committed.getAndSet(null);
    }

    /** The orders of one load, handed over when it commits complete. */
    private final class Counting implements Orders, TransactionSynchronization {

        private final String transactionId;
        private OrderCounts counts = new OrderCounts();
        private boolean complete;

        Counting(String transactionId) {
            this.transactionId = transactionId;
        }

        @Override
        public void order(Long customerId, String source, String status, BigDecimal amount, BigDecimal refund,
                          OffsetDateTime orderedAt) {
            if (counts != null) {
                // the amount as NUMERIC(18, 2) stores it (rounded half away from zero): 0.004 is stored as 0
                counts.add(customerId, source, amount.setScale(2, RoundingMode.HALF_UP).signum() <= 0, orderedAt);
            }
        }

        @Override
        public void complete() {
            complete = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && complete && counts.usable()) {
                committed.set(new Load(counts, transactionId));
            }
            // a rolled-back or incomplete load's counts describe nothing stored
            counts = null;
        }
    }

    /** Where the orders go when they cannot be used. */
    private enum Ignored implements Orders {
        ORDERS;

        @Override
        public void order(Long customerId, String source, String status, BigDecimal amount, BigDecimal refund,
                          OffsetDateTime orderedAt) {
        }

        @Override
        public void complete() {
        }
    }
}
