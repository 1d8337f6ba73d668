package org.strata.server.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.tiering.LoadedOrders;

/**
 * The order months a committed first load summed ({@link FirstLoadOrderMonths}): {@code orders} orders stored by the
 * transaction {@code transactionId}.
 */
record LoadedOrderMonths(CustomerMonthSums sums, long orders, String transactionId) {

    /**
     * Whether the orders are exactly those the load stored, as a statement run now sees them ({@link LoadedOrders}).
     * Any writer that commits later is applied by its own refresh, which waits for the rebuild's lock.
     */
    boolean ordersUnchanged(JdbcTemplate jdbc) {
        return LoadedOrders.stored(jdbc, transactionId).exactly(orders);
    }
}
