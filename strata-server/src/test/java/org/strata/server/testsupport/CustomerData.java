package org.strata.server.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the customer tables, for tests whose Spring context (and so database) other test classes share. */
public final class CustomerData {

    private CustomerData() {
    }

    /** Deletes customers, their figures, identifiers, merges, orders and events; teams and users stay. */
    public static void deleteAll(JdbcTemplate jdbc) {
        for (String sql : new String[] {"DELETE FROM identity_merges", "DELETE FROM customer_identifiers",
                "DELETE FROM events", "DELETE FROM orders", "DELETE FROM customer_figures",
                "UPDATE customers SET merged_into = NULL", "DELETE FROM customers"}) {
            jdbc.update(sql);
        }
    }

    /**
     * Gives customers a test wrote into the customers table directly their row of order figures, all zero, as
     * Strata does for every customer it creates (the customer list joins the figures; see V12).
     */
    public static void zeroFigures(JdbcTemplate jdbc, long... customerIds) {
        for (long id : customerIds) {
            jdbc.update("INSERT INTO customer_figures (customer_id) VALUES (?)", id);
        }
    }
}
