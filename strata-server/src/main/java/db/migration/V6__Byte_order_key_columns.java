package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * On PostgreSQL, the key columns of imported rows compare bytes ({@code COLLATE "C"}) instead of following the
 * database's language rules. They are only ever compared for equality (identifier lookups, order and event keys,
 * references waiting for their customer, source filters), where byte order gives the same answers; but every
 * comparison in a B-tree under a libc collation such as {@code C.UTF-8} or {@code zh_CN.UTF-8} calls
 * {@code strcoll}, which made building and descending these indexes 2.1 to 2.6 times dearer (docs/import-performance.md,
 * round 3). UTF-8 byte order is code-point order, which is also what {@code C.UTF-8} sorts by, so on such a database
 * not even an ORDER BY over these columns changes its result.
 * <p>
 * A Java migration because only PostgreSQL gets it (H2 compares strings by their characters anyway and has no column
 * collations) and because the columns keep their declared type, read from the catalogue. Changing the collation
 * rewrites no rows (the type stays binary-compatible); PostgreSQL rebuilds the indexes over each column, so an existing
 * database with data migrates too.
 */
public class V6__Byte_order_key_columns extends BaseJavaMigration {

    /** Table to its key columns: every text column that a key, a lookup or a join compares. */
    static final Map<String, List<String>> KEY_COLUMNS = Map.of(
            "customer_identifiers", List.of("kind", "namespace", "id_value"),
            "customers", List.of("external_id", "source"),
            "orders", List.of("source", "order_no", "customer_ref", "customer_ref_kind"),
            "order_lines", List.of("source", "order_no", "line_no", "customer_ref", "customer_ref_kind"),
            "events", List.of("source", "event_key", "customer_ref", "customer_ref_kind"));

    private static final String DECLARED_TYPE = """
            SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
            WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ? AND NOT a.attisdropped""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : KEY_COLUMNS.entrySet()) {
                StringBuilder alter = new StringBuilder("ALTER TABLE ").append(table.getKey());
                String separator = " ";
                for (String column : table.getValue()) {
                    alter.append(separator).append("ALTER COLUMN ").append(column).append(" TYPE ")
                            .append(declaredType(connection, table.getKey(), column)).append(" COLLATE \"C\"");
                    separator = ", ";
                }
                // One statement per table: its indexes are rebuilt once, not once per column.
                statement.execute(alter.toString());
            }
        }
    }

    private static String declaredType(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DECLARED_TYPE)) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet type = query.executeQuery()) {
                if (!type.next()) {
                    throw new IllegalStateException("no column " + table + "." + column);
                }
                return type.getString(1);
            }
        }
    }
}
