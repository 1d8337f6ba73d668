package org.strata.cli;

import org.strata.server.access.FirstAdministrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Strata server on the embedded database or on PostgreSQL.",
                "The database schema is created or upgraded on start.",
                "There is no default password: on a database nobody can sign in to yet, the first administrator "
                        + "comes from STRATA_ADMIN_USER and STRATA_ADMIN_PASSWORD (at least 12 characters), or is "
                        + "asked for on the terminal."},
        footer = {"", "Examples:",
                "  strata serve                     (embedded database in ./strata-data, port 8080)",
                "  strata serve --port 9000 --data /var/lib/strata",
                "  export STRATA_DB_USER=strata STRATA_DB_PASSWORD=...",
                "  strata serve --db jdbc:postgresql://db:5432/strata"})
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        return Banner.serveUntilStopped(this::start);
    }

    /** Starts the server as the options say; the caller owns (and closes) the result. */
    RunningStrata start() {
        ServerLauncher.Database settings = database.database();
        Banner.checkPort(port);
        RunningStrata strata = ServerLauncher.startServer(settings, port);
        try {
            // no default password: the first administrator comes from STRATA_ADMIN_USER/PASSWORD or the console
            strata.bean(FirstAdministrator.class).ensure(true);
        } catch (IllegalStateException e) {
            strata.close();
            throw new StartupFailure(e.getMessage(), e);
        }
        return strata;
    }
}
