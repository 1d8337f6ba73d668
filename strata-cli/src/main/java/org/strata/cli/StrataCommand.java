package org.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code strata} command. Sub-commands are registered here. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "Strata 0.1.0",
        description = "Strata — customer tiering and segmentation (客户分层管理系统).",
        subcommands = {ImportCommand.class, CommandLine.HelpCommand.class})
public final class StrataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StrataCommand()).execute(args));
    }
}
