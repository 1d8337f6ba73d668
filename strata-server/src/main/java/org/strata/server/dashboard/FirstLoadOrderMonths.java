package org.strata.server.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.strata.server.customer.OrderFigureSums;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.FirstOrderLoadObserver;
import org.strata.server.tiering.LoadedOrders;

/**
 * Sums each customer's realised orders by month while a first load copies them ({@link CustomerMonthSums}), so that
 * the dashboard's rebuild after the load writes the customers' order months without aggregating three million orders
 * again ({@link OrderFiguresFromLoad}).
 *
 * <p>The sums are offered ({@link #take}) only after the load committed having seen every stored order
 * ({@link Orders#complete()}), and at most once; a rollback, an incomplete load or the next load drops them. Whether the
 * orders are still what the load stored when the rebuild reads them is the rebuild's check
 * ({@link LoadedOrderMonths#ordersUnchanged}).
 */
@Component
class FirstLoadOrderMonths implements FirstOrderLoadObserver {

    private static final Orders IGNORED = new Orders() {
        @Override
        public void order(Long customerId, String source, String status, BigDecimal amount, BigDecimal refund,
                          OffsetDateTime orderedAt) {
        }

        @Override
        public void complete() {
        }
    };

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final ZoneId zone;
    private final AtomicReference<LoadedOrderMonths> committed = new AtomicReference<>();
    private Optional<MonthStarts> starts;

    FirstLoadOrderMonths(JdbcTemplate jdbc, SqlDialect dialect, @Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Orders begin() {
        // whatever an earlier load left no longer describes the orders
        committed.set(null);
        Optional<MonthStarts> months = monthStarts();
        if (months.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return IGNORED;
        }
        Collecting collecting = new Collecting(months.get());
        TransactionSynchronizationManager.registerSynchronization(collecting);
        return collecting;
    }

    /** The months of the last first load, if it committed complete and they were not taken yet; gone afterwards. */
    Optional<LoadedOrderMonths> take() {
        return Optional.ofNullable(committed.getAndSet(null));
    }

    /** Drops the months of the last load (a rebuild that does not use them). */
    void discard() {
        committed.set(null);
    }

    /** Read once, inside the first load's transaction (before it copies anything). */
    private synchronized Optional<MonthStarts> monthStarts() {
        if (starts == null) {
            starts = MonthStarts.of(jdbc, dialect, zone);
        }
        return starts;
    }

    /** One load's orders, and how its transaction ended. */
    private final class Collecting implements Orders, TransactionSynchronization {

        private final MonthStarts months;
        private CustomerMonthSums sums = new CustomerMonthSums();
        private long orders;
        private String transactionId;

        Collecting(MonthStarts months) {
            this.months = months;
        }

        @Override
        public void order(Long customerId, String source, String status, BigDecimal amount, BigDecimal refund,
                          OffsetDateTime orderedAt) {
            orders++;
            if (sums == null || customerId == null || !FigureStatements.realised(status)) {
                return;
            }
            if (amount == null || refund == null || orderedAt == null) {
                sums = null;
                return;
            }
            int month = months.monthOf(PostgresDialect.storedMicros(orderedAt));
            long cents = Math.subtractExact(OrderFigureSums.cents(amount), OrderFigureSums.cents(refund));
            if (month == MonthStarts.OUTSIDE || !sums.add(customerId, month, cents)) {
                // the rebuild aggregates in SQL; the memory is free at once
                sums = null;
            }
        }

        @Override
        public void complete() {
            if (sums != null) {
                // the rows this load wrote carry its transaction id (xmin), which the rebuild checks
                transactionId = LoadedOrders.currentTransaction(jdbc);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && transactionId != null) {
                committed.set(new LoadedOrderMonths(sums, orders, transactionId));
            }
            sums = null;
        }
    }
}
