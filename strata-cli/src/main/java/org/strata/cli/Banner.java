package org.strata.cli;

import java.io.PrintStream;

/** How the server commands ({@code serve}, {@code demo}) run: start, say where, serve until stopped. */
final class Banner {

    private Banner() {
    }

    /** Runs the server the starter starts until it is stopped; returns the command's exit code. */
    static int serveUntilStopped(java.util.function.Supplier<RunningStrata> starter) throws InterruptedException {
        try (RunningStrata strata = starter.get()) {
            running(System.out, strata);
            strata.awaitShutdown();
            return 0;
        } catch (StartupFailure e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new StartupFailure("--port must be between 1 and 65535 (or 0 for any free port), was " + port, null);
        }
    }

    static void running(PrintStream out, RunningStrata strata) {
        String url = strata.url();
        out.println();
        out.println("  Strata is running at " + url);
        out.println("  API documentation:    " + url + "/swagger-ui.html");
        out.println("  Stop with Ctrl+C.");
        out.println();
        out.flush();
    }
}
