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
import java.util.Set;

/**
 * Drops the foreign keys from customer_identifiers to customers. An import writes about three identifiers per
 * customer; each foreign key check is a per-row lookup that also locks the customer row (FOR KEY SHARE on
 * PostgreSQL), which made these checks the largest single cost of a customer import. The rows are written only by
 * identity resolution, in the same transaction as the customers they point at, and customers are never deleted
 * (merged ones stay with merged_into), so the constraint guarded nothing the code does not already guarantee.
 * <p>
 * A Java migration because the constraints have no names in V1: H2 and PostgreSQL generated different ones, which
 * are read here from the JDBC metadata.
 */
public class V3__Bulk_written_keys_without_foreign_keys extends BaseJavaMigration {

    private static final String TABLE = "customer_identifiers";
    private static final Set<String> COLUMNS = Set.of("customer_id", "origin_customer_id");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), connection.getSchema(), TABLE)) {
            while (keys.next()) {
                if (COLUMNS.contains(keys.getString("FKCOLUMN_NAME").toLowerCase(java.util.Locale.ROOT))) {
                    constraints.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (constraints.size() != COLUMNS.size()) {
            throw new IllegalStateException("expected foreign keys on " + COLUMNS + " of " + TABLE + ", found "
                    + constraints);
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                statement.execute("ALTER TABLE " + TABLE + " DROP CONSTRAINT \"" + constraint + "\"");
            }
        }
    }
}
