package org.strata.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * Where Strata keeps its data, shared by every command that opens the database ({@code serve}, {@code quality},
 * {@code import}): an embedded H2 database in a folder, or a JDBC URL (PostgreSQL in production). Without either,
 * STRATA_DB_URL / STRATA_DB_USER / STRATA_DB_PASSWORD apply, and failing those the embedded database in
 * ./strata-data.
 */
public class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded H2 database (created if missing; default ./strata-data).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database JDBC URL, e.g. jdbc:postgresql://db.example.internal:5432/strata "
                    + "(default: environment variable STRATA_DB_URL).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "Database user (default: STRATA_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (default: STRATA_DB_PASSWORD; prefer the variable, a command line is "
                    + "visible to other users of the machine).")
    String password;

    /** The settings to start Strata with, after checking the combination; errors name the option to fix. */
    public ServerLauncher.Database database() {
        if (data != null && url != null) {
            throw new ParameterException(spec.commandLine(),
                    "Use either --data DIR (embedded H2 database) or --db JDBC_URL, not both.");
        }
        if (url != null) {
            checkJdbcUrl(url);
            return new ServerLauncher.Database(url, null, user, password);
        }
        String fromEnvironment = System.getenv("STRATA_DB_URL");
        if (data == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            checkJdbcUrl(fromEnvironment);
        }
        return new ServerLauncher.Database(null, data, user, password);
    }

    private void checkJdbcUrl(String candidate) {
        if (!candidate.startsWith("jdbc:postgresql:") && !candidate.startsWith("jdbc:h2:")) {
            throw new ParameterException(spec.commandLine(), "'" + candidate + "' is not a database URL Strata "
                    + "can use: expected jdbc:postgresql://HOST:PORT/DATABASE (or jdbc:h2:...).");
        }
    }
}
