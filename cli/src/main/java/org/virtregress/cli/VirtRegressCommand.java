package org.virtregress.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code virt-regress} command; its subcommands do the work. picocli builds the
 * model of a command by reflection when it is added, which costs a noticeable part of a short
 * command's start-up ({@code poll} from cron or a trigger), so a command line that names its
 * subcommand first gets only that one ({@link #commandLine(String...)}); any other gets them all,
 * for the help, the usage and the unknown-command message.
 */
@Command(name = "virt-regress",
        mixinStandardHelpOptions = true,
        versionProvider = VirtRegressCommand.VersionProvider.class,
        description = "Virtualization regression testing: poll package repositories for new builds, "
                + "install them, run guest test suites, and bisect a failure to the culprit build and commit.")
public final class VirtRegressCommand implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            PollCommand.class,
            InstallCommand.class,
            TestCommand.class,
            BisectCommand.class,
            HuntCommand.class,
            ReportCommand.class,
            DemoCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Returns the command line with every subcommand and the shared exit codes. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Returns the command line for the given arguments: with only the subcommand they start with
     * when that is one (other than {@code help}), with every subcommand otherwise. Either parses
     * and runs those arguments alike.
     *
     * @param arguments the arguments that will be executed
     * @return the command line, with the shared exit codes
     */
    public static CommandLine commandLine(String... arguments) {
        CommandLine cli = new CommandLine(new VirtRegressCommand());
        Class<?> only = arguments.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && name(c).equals(arguments[0]))
                .findFirst().orElse(null);
        for (Class<?> subcommand : only == null ? SUBCOMMANDS : List.of(only)) {
            cli.addSubcommand(subcommand);
        }
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

    /** A subcommand's name, from its annotation (read without building picocli's model). */
    static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
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
