package org.strata.server.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the customer tables, for tests whose Spring context (and so database) other test classes share. */
public final class CustomerData {

    private CustomerData() {
    }

    /** Deletes customers, their identifiers, merges, orders and events; teams and users stay. */
    public static void deleteAll(JdbcTemplate jdbc) {
        for (String sql : new String[] {"DELETE FROM identity_merges", "DELETE FROM customer_identifiers",
                "DELETE FROM events", "DELETE FROM orders", "UPDATE customers SET merged_into = NULL",
                "DELETE FROM customers"}) {
            jdbc.update(sql);
        }
    }
}
