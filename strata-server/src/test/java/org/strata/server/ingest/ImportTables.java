package org.strata.server.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties what imports write, so that every test of a shared Spring context starts from an empty database. */
public final class ImportTables {

    private ImportTables() {
    }

    public static void clear(JdbcTemplate jdbc) {
        // tasks point at customers, and a console test sharing the context (PlaybookPagesTest) leaves some behind
        for (String table : new String[] {"playbook_tasks", "import_errors", "import_jobs", "identity_merge_blocks", "identity_merges",
                "customer_identifiers", "order_lines", "orders", "events"}) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE customers SET merged_into = NULL");
        jdbc.update("DELETE FROM customer_figures");
        jdbc.update("DELETE FROM customers");
        jdbc.update("DELETE FROM users");
        jdbc.update("DELETE FROM teams");
    }
}
