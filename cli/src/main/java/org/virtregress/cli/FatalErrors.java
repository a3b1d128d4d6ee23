package org.virtregress.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Turns an {@link Error} that reached the top of a command into a message and an exit code of its
 * own, so that it never looks like a test failure (exit 1) or hides behind a stack trace.
 */
final class FatalErrors {
    private FatalErrors() {
    }

    /**
     * Reports an error.
     *
     * @param error what was thrown
     * @param args the command line, to name the subcommand that was running
     * @param err where the message goes
     * @return {@link ExitCodes#OUT_OF_MEMORY} for an {@link OutOfMemoryError},
     *     {@link ExitCodes#INTERNAL_ERROR} for any other error
     */
    static int report(Error error, List<String> args, PrintWriter err) {
        String command = subcommand(args);
        String prefix = "virt-regress" + (command.isEmpty() ? "" : " " + command) + ": ";
        if (error instanceof OutOfMemoryError) {
            err.println(prefix + "out of memory while running " + (command.isEmpty() ? "virt-regress" : command)
                    + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")")
                    + "; raise -Xmx (for example VIRT_REGRESS_JAVA_OPTS=-Xmx4g) or lower the limits");
            err.flush();
            return ExitCodes.OUT_OF_MEMORY;
        }
        err.println(prefix + "internal error: " + error + (error.getStackTrace().length > 0
                ? " at " + error.getStackTrace()[0] : "") + "; this is a bug in virt-regress or the JVM");
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String subcommand(List<String> args) {
        return args.stream().filter(arg -> !arg.startsWith("-")).findFirst()
                .filter(arg -> VirtRegressCommand.commandLine().getSubcommands().containsKey(arg)).orElse("");
    }
}
