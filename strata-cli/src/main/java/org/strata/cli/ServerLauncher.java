package org.strata.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.strata.server.StrataApplication;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the Strata Spring application for a command: as a web server ({@code serve}, {@code demo}) or without
 * one ({@code quality}, {@code import}). Spring is touched only here and in {@link RunningStrata}, so commands
 * that do not need the server ({@code score}) start as fast as plain Java.
 */
public final class ServerLauncher {

    /**
     * @param url     a JDBC URL, or null to use the embedded database
     * @param dataDir the embedded database's folder; null for the configured default (./strata-data)
     */
    public record Database(String url, Path dataDir, String user, String password) {

        public static Database embedded(Path dataDir) {
            return new Database(null, dataDir, null, null);
        }
    }

    private ServerLauncher() {
    }

    /** Starts the web server on the port (0 for any free one) and returns once it answers requests. */
    public static RunningStrata startServer(Database database, int port) {
        if (port != 0) {
            ensurePortFree(port);
        }
        List<String> arguments = databaseArguments(database);
        arguments.add("--server.port=" + port);
        return start(database, arguments, WebApplicationType.SERVLET);
    }

    /** Starts the application without a web server, for commands that work on the database and exit. */
    public static RunningStrata startWithoutWeb(Database database) {
        return start(database, databaseArguments(database), WebApplicationType.NONE);
    }

    private static RunningStrata start(Database database, List<String> arguments, WebApplicationType type) {
        SpringApplication application = new SpringApplication(StrataApplication.class);
        application.setWebApplicationType(type);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // Command-line arguments outrank environment variables, so --db and --data win over STRATA_DB_URL.
        arguments.add("--logging.level.root=WARN");
        arguments.add("--logging.level.org.strata=INFO");
        arguments.add("--logging.level.org.springdoc=ERROR");
        arguments.add("--logging.level.org.flywaydb.core.internal.database.base.Database=ERROR");
        // A failed start is explained by StartupFailure in one sentence instead of pages of stack trace.
        arguments.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        arguments.add("--logging.level.org.springframework.boot.diagnostics=OFF");
        try {
            ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
            return new RunningStrata(context);
        } catch (RuntimeException e) {
            throw StartupFailure.explain(e, database);
        }
    }

    private static List<String> databaseArguments(Database database) {
        List<String> arguments = new ArrayList<>();
        if (database.url() != null) {
            arguments.add("--spring.datasource.url=" + database.url());
        } else if (database.dataDir() != null) {
            Path folder = database.dataDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StartupFailure("Cannot create the data folder " + folder + ": " + e.getMessage(), e);
            }
            arguments.add("--strata.data-dir=" + folder);
            arguments.add("--spring.datasource.url=${strata.embedded-db-url}");
        }
        if (database.user() != null) {
            arguments.add("--spring.datasource.username=" + database.user());
        }
        if (database.password() != null) {
            arguments.add("--spring.datasource.password=" + database.password());
        }
        return arguments;
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new StartupFailure("Port " + port + " is already in use. Stop the program that uses it, or "
                    + "start Strata on another port with --port.", e);
        } catch (IOException e) {
            throw new StartupFailure("Cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }
}
