package org.strata.cli;

import java.net.BindException;
import java.net.ConnectException;
import java.sql.SQLException;

/** Strata could not start; the message says why in terms of what the user passed and what to change. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static StartupFailure explain(Throwable failure, ServerLauncher.Database database) {
        String where = database.url() != null ? database.url()
                : "the embedded database in " + (database.dataDir() == null ? "./strata-data" : database.dataDir());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause.getClass().getSimpleName().equals("PortInUseException")) {
                return new StartupFailure("The web server's port is already in use. Stop the program that uses "
                        + "it, or start Strata on another port with --port.", failure);
            }
            if (cause instanceof ConnectException) {
                return new StartupFailure("Cannot reach the database at " + where + ": " + cause.getMessage()
                        + ". Is the server running and the host and port right?", failure);
            }
        }
        Throwable sql = rootOfType(failure, SQLException.class);
        if (sql != null) {
            return new StartupFailure("Cannot open the database at " + where + ": " + sql.getMessage(), failure);
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new StartupFailure("Strata could not start: " + root.getMessage(), failure);
    }

    private static Throwable rootOfType(Throwable failure, Class<? extends Throwable> type) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                found = cause;
            }
        }
        return found;
    }
}
