package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes each imported order, event and customer cheaper to write; measured on the GenOrders yardstick (1 million
 * customers, 3.1 million orders) these checks and index entries were a third of the database's work.
 * <ul>
 *   <li>The foreign keys from orders and events to customers go, for the reason V3 dropped those of
 *       customer_identifiers: each is a per-row lookup that also locks the customer row (FOR KEY SHARE), the
 *       customer id is always taken from an existing identifier or customer in the same transaction, and customers
 *       are never deleted (a merged one stays, with merged_into).</li>
 *   <li>On PostgreSQL, the customer_ref indexes of orders and events only hold rows still waiting for their
 *       customer (the only rows looked up by customer_ref, see PendingLinks and the quality report), and the
 *       merged_into index only merged customers (looked up by merged_into = survivor): almost every row used to
 *       add an entry nobody reads. H2 has no partial indexes; its indexes stay as they are.</li>
 * </ul>
 * A Java migration because the foreign keys have no names in V1 (H2 and PostgreSQL generated different ones, read
 * here from the JDBC metadata) and because only PostgreSQL gets the partial indexes.
 */
public class V5__Cheaper_bulk_writes_of_orders_and_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("orders", "events")) {
                for (String constraint : foreignKeys(connection, table, "customer_id")) {
                    statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
                }
            }
            if (connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
                statement.execute("DROP INDEX orders_customer_ref_idx");
                statement.execute("CREATE INDEX orders_waiting_customer_ref_idx ON orders (customer_ref)"
                        + " WHERE customer_id IS NULL");
                statement.execute("DROP INDEX events_customer_ref_idx");
                statement.execute("CREATE INDEX events_waiting_customer_ref_idx ON events (customer_ref)"
                        + " WHERE customer_id IS NULL");
                statement.execute("DROP INDEX customers_merged_into_idx");
                statement.execute("CREATE INDEX customers_merged_into_idx ON customers (merged_into)"
                        + " WHERE merged_into IS NOT NULL");
            }
        }
    }

    private static List<String> foreignKeys(Connection connection, String table, String column) throws SQLException {
        List<String> constraints = new ArrayList<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (keys.next()) {
                if (keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT).equals(column)) {
                    constraints.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (constraints.size() != 1) {
            throw new IllegalStateException("expected one foreign key on " + table + "." + column + ", found "
                    + constraints);
        }
        return constraints;
    }
}
