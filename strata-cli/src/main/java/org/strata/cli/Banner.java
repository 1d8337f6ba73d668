package org.strata.cli;

import java.io.PrintStream;

/** What the server commands print once Strata answers requests. */
final class Banner {

    private Banner() {
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
