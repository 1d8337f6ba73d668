package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/**
 * Makes the audit log append-only in the database itself on PostgreSQL: a trigger refuses UPDATE and DELETE, so
 * not even a bug or a hand-typed statement through the application's account can rewrite history. H2 (the
 * embedded demo database) only offers Java triggers; there the code's lack of any UPDATE/DELETE path is the guard.
 * A Java migration because the statement is PostgreSQL-only and the migration set is shared.
 */
public class V41__Append_only_audit_log extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OnPostgres.run(context, statement -> {
            statement.execute("""
                    CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
                    BEGIN
                        RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
                    END;
                    $$ LANGUAGE plpgsql""");
            statement.execute("""
                    CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""");
        });
    }
}
