package org.strata.cli;

import org.strata.server.access.DemoAccounts;
import org.strata.server.demo.DemoSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts Strata on its embedded database with a demo company: about 30,000 customers, two "
                + "years of orders and interactions, teams and sales staff, and two published tiering schemes (RFM 8 "
                + "classes, lifecycle) run monthly over the past year.",
                "The demo data is generated on the first run only (when the database has no customers)."},
        footer = {"", "Example:", "  strata demo --port 8080 --data ./strata-data"})
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./strata-data",
            description = "Folder of the embedded H2 database (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        return Banner.serveUntilStopped(this::start);
    }

    /** New passwords on every demo start: there is no default password, and a lost one costs nothing here. */
    private static void printSignIns(List<DemoAccounts.Credentials> accounts) {
        System.out.println("Demo sign-ins (new passwords on every demo start):");
        for (DemoAccounts.Credentials account : accounts) {
            System.out.printf("  %-10s %-9s scope %-10s password %s%n", account.username(), account.role(),
                    account.scope(), account.password());
        }
    }

    RunningStrata start() {
        Banner.checkPort(port);
        System.out.println("Starting Strata with demo data in " + data.toAbsolutePath().normalize() + " ...");
        RunningStrata strata = ServerLauncher.startServer(ServerLauncher.Database.embedded(data), port);
        try {
            System.out.println("Preparing demo data (only on the first run; this takes a little while) ...");
            DemoSetup.Summary prepared = strata.bean(DemoSetup.class).prepare();
            prepared.company().ifPresentOrElse(
                    summary -> System.out.printf("Demo data ready: %,d customers, %,d orders, %,d events (%d s).%n",
                            summary.customers(), summary.orders(), summary.events(), summary.took().toSeconds()),
                    () -> System.out.println("The database already has customers; no demo data added."));
            if (prepared.tieringRuns() > 0) {
                System.out.printf("Tiering schemes published and run %d times over the past year (%d s).%n",
                        prepared.tieringRuns(), prepared.tieringTook().toSeconds());
            }
            printSignIns(strata.bean(DemoAccounts.class).createWithNewPasswords());
            return strata;
        } catch (RuntimeException e) {
            strata.close();
            throw new StartupFailure("Could not generate the demo data: " + e.getMessage(), e);
        }
    }
}
