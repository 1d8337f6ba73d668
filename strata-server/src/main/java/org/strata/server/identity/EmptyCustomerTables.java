package org.strata.server.identity;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a customers load is the first (customers, their identifiers and figures, and every table that references
 * customers hold nothing), and then the tables emptied again with TRUNCATE inside the load's transaction (PostgreSQL),
 * so that the load may copy into them frozen ({@code COPY .. FREEZE}, see
 * {@link org.strata.server.sql.SqlDialect#appendRowsToTruncated}).
 * <p>
 * Why the referencing tables too: PostgreSQL truncates a table only together with every table whose foreign key
 * points at it (merges, tiering, playbook tasks ...). Those are empty when customers is (their references are NOT NULL
 * or, like merged_into, point at customers themselves), but that is checked, not assumed: a table that holds a row
 * keeps the load on the staged path. They are locked first, so that nobody adds a row between the check and the
 * TRUNCATE; from then on they stay locked (ACCESS EXCLUSIVE) until the load commits, as the customers' tables already
 * are once their indexes are dropped.
 */
final class EmptyCustomerTables {

    /** The tables a customers load writes that no foreign key links to customers (V3 dropped the identifiers'). */
    private static final List<String> WRITTEN = List.of("customer_identifiers", "customer_figures");

    /** customers and every table that references it, directly or through another one. */
    private static final String REFERENCING = """
            WITH RECURSIVE referencing(rel) AS (
                SELECT CAST(CAST('customers' AS regclass) AS oid)
                UNION
                SELECT con.conrelid FROM pg_constraint con JOIN referencing r ON con.confrelid = r.rel
                WHERE con.contype = 'f')
            SELECT CAST(CAST(rel AS regclass) AS text) FROM referencing""";

    private EmptyCustomerTables() {
    }

    /**
     * Locks and empties the tables when this is a first load, and says whether it is.
     *
     * @return false, with nothing locked or emptied, when customers holds a row; false with the tables locked when
     *         another of them does
     */
    static boolean lockedAndTruncated(JdbcTemplate jdbc) {
        if (holdsRows(jdbc, "customers")) {
            return false;
        }
        List<String> tables = new ArrayList<>(jdbc.queryForList(REFERENCING, String.class));
        tables.addAll(WRITTEN);
        String list = String.join(", ", tables);
        jdbc.execute("LOCK TABLE " + list + " IN SHARE ROW EXCLUSIVE MODE");
        if (tables.stream().anyMatch(table -> holdsRows(jdbc, table))) {
            return false;
        }
        jdbc.execute("TRUNCATE " + list);
        return true;
    }

    private static boolean holdsRows(JdbcTemplate jdbc, String table) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }
}
