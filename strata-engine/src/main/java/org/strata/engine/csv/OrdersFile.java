package org.strata.engine.csv;

import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;

/**
 * What an orders file held: the orders, numbered by the customer index they extended, and the rows skipped because
 * they had no customer id.
 */
public record OrdersFile(CustomerIndex customers, OrderColumns orders, long skippedWithoutCustomer) {
}
