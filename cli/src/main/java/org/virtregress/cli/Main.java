package org.virtregress.cli;

import java.util.List;
import picocli.CommandLine;

/** Entry point of the {@code virt-regress} command. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code, for tests.
     *
     * @param args the arguments
     * @return the exit code (see {@link ExitCodes}); an {@link Error} is reported and has a code of its own
     */
    public static int run(String... args) {
        CommandLine cli = VirtRegressCommand.commandLine(args);
        try {
            return cli.execute(args);
        } catch (Error e) {
            return FatalErrors.report(e, List.of(args), cli.getErr());
        }
    }
}
