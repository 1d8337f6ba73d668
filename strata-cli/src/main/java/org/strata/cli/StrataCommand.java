package org.strata.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code strata} command. Sub-commands are registered here. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "Strata 0.1.0",
        description = "Strata — customer tiering and segmentation (客户分层管理系统).",
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, ScoreCommand.class,
                QualityCommand.class, CommandLine.HelpCommand.class})
public final class StrataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // picocli probes for Groovy closures and Jansi with Class.forName. Inside the Boot jar a class that does not
        // exist makes the launcher open all ~90 nested jars looking for its package, which costs more than the
        // whole start-up of `strata score`; nothing in Strata uses either.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        if (System.getProperty("jansi.disable") == null) {
            System.setProperty("jansi.disable", "true");
        }
        if (args.length > 0 && args[0].equals("score")) {
            // `strata score` is timed as a whole process (against DuckDB): building the models of the server
            // commands it does not run (reflection over their options and mixins) costs it about 70 ms of CPU
            CommandLine score = new CommandLine(new ScoreCommand()).setCommandName("strata score");
            System.exit(score.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(new CommandLine(new StrataCommand()).execute(args));
    }
}
