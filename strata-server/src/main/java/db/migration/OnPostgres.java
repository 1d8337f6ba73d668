package db.migration;

import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs the statements of a Java migration that only PostgreSQL needs (its index types, triggers, collations); on H2
 * the migration does nothing. Not a migration itself: Flyway runs only the classes named V&lt;version&gt;__.
 */
final class OnPostgres {

    /** Statements to run on PostgreSQL, through one JDBC statement. */
    @FunctionalInterface
    interface Statements {
        void run(Statement statement) throws SQLException;
    }

    private OnPostgres() {
    }

    static void run(Context context, Statements statements) throws SQLException {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statements.run(statement);
        }
    }
}
