package org.strata.server.tiering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Sees every order of a first bulk load (a load into an empty orders table) while it is copied, so that a
 * recomputation after the load ({@link AllCustomerDataChanged}) can use sums made in passing instead of reading three
 * million orders back. A Spring bean implementing this is found by the orders' bulk writer.
 * <p>
 * The sums are only as good as the load: an observer uses them only for the rebuild that follows the commit of the
 * load that made them, only after {@link Orders#complete()} was called, and only when nothing else can have changed
 * the orders in between (checking that is the observer's business). Anything else falls back to reading the tables.
 */
public interface FirstOrderLoadObserver {

    /**
     * Called inside the load's transaction before its first order is copied; returns what receives this load's orders.
     * A rolled-back load must leave no trace: register a transaction synchronisation to learn how the load ended.
     */
    Orders begin();

    /** The orders of one first load, in file order. Called from the loading thread only. */
    interface Orders {

        /**
         * One order as it is stored.
         *
         * @param customerId the customer the order is linked to (as in {@code orders.customer_id}), null when none is
         *                   known yet (an order waiting for its customer)
         * @param status     the stored status (never null)
         * @param refund     the stored refund amount (never null)
         */
        void order(Long customerId, String source, String status, BigDecimal amount, BigDecimal refund,
                   OffsetDateTime orderedAt);

        /**
         * The orders table now holds exactly the orders {@link #order} saw, each linked as it said, and the load is
         * about to commit. Not called when the load kept only the last of repeated order numbers or linked some
         * orders in SQL afterwards: then what {@link #order} saw is not what is stored. Called inside the load's
         * transaction, on its connection, after the last copy: an observer may query there (the dashboard notes the
         * transaction's id, which every stored order carries as its {@code xmin} until something changes it).
         */
        void complete();
    }
}
