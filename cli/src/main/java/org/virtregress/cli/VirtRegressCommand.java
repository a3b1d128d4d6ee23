package org.virtregress.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code virt-regress} command; its subcommands do the work. */
@Command(name = "virt-regress",
        mixinStandardHelpOptions = true,
        versionProvider = VirtRegressCommand.VersionProvider.class,
        description = "Virtualization regression testing: poll package repositories for new builds, "
                + "install them, run guest test suites, and bisect a failure to the culprit build and commit.",
        subcommands = {
            CommandLine.HelpCommand.class,
            PollCommand.class,
            InstallCommand.class,
            TestCommand.class,
            BisectCommand.class,
            HuntCommand.class,
            ReportCommand.class,
            DemoCommand.class,
        })
public final class VirtRegressCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Returns the command line with every subcommand and the shared exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VirtRegressCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            // "virt-regress frobnicate --help": help must not hide the unknown word
            if (!parsed.hasSubcommand() && !parsed.unmatched().isEmpty()) {
                return unknownCommand(parsed.commandSpec().commandLine(), parsed.unmatched().get(0));
            }
            return runLast.execute(parsed);
        });
        CommandLine.IParameterExceptionHandler parameters = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine() == cli
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                return unknownCommand(cli, unmatched.getUnmatched().get(0));
            }
            return parameters.handleParseException(e, args);
        });
        return cli;
    }

    private static int unknownCommand(CommandLine cli, String word) {
        cli.getErr().println("virt-regress: unknown command '" + word + "'; the commands are "
                + String.join(", ", cli.getSubcommands().keySet()) + " (see virt-regress --help)");
        cli.getErr().flush();
        return ExitCodes.USAGE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the properties written at build time. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = VirtRegressCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"virt-regress " + properties.getProperty("version", "unknown")};
        }
    }
}
