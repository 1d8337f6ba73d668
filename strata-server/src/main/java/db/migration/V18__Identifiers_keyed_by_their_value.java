package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The primary key of {@code customer_identifiers} becomes its natural key, {@code (id_value, kind, namespace)} (V11's
 * unique key, keeping its name {@code customer_identifiers_key}); the surrogate {@code id} keeps its values and its
 * identity sequence but loses its index.
 * <p>
 * Why: every bulk load of customers builds the identifiers' indexes again (SuspendedIndexes), and the index of the
 * surrogate ids was one of three over the same three million rows (0.8 s of the 12.1 s of index builds after the 1M
 * customers file, docs/import-performance.md "Round 7: index builds after customers"). Nothing looks an identifier up
 * by its id: identifiers are found by their value (imports, the customer search, orders finding their customer) or by
 * their customer (the 360°, merges, erasure). The id only orders them: the bulk loader's {@code MAX(id)} and
 * PendingLinks' "identifiers stored after" ({@code id > ?}), which both run while the bulk load has the identifiers'
 * indexes suspended, so they read the table with or without this index.
 * <p>
 * A Java migration because the two databases drop a primary key differently: PostgreSQL by the constraint's name,
 * H2 (which named it itself in V1) with {@code DROP PRIMARY KEY}.
 */
public class V18__Identifiers_keyed_by_their_value extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(postgres
                    ? "ALTER TABLE customer_identifiers DROP CONSTRAINT customer_identifiers_pkey"
                    : "ALTER TABLE customer_identifiers DROP PRIMARY KEY");
            statement.execute("ALTER TABLE customer_identifiers DROP CONSTRAINT customer_identifiers_key");
            statement.execute("ALTER TABLE customer_identifiers ADD CONSTRAINT customer_identifiers_key"
                    + " PRIMARY KEY (id_value, kind, namespace)");
        }
    }
}
