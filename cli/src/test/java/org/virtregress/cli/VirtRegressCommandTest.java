package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VirtRegressCommandTest {
    @Test
    void shouldPrintUsageWithHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: virt-regress").contains("--version");
    }

    @Test
    void shouldPrintTheBuiltVersion() {
        StringWriter out = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("virt-regress 0.").doesNotContain("unknown");
    }

    @Test
    void shouldExitWithUsageCodeOnUnknownOption() {
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("--no-such-option")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldNameAnUnknownCommandEvenWithHelp() {
        for (String[] args : List.of(new String[] {"frobnicate", "--help"}, new String[] {"frobnicate"},
                new String[] {"--help", "frobnicate"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = VirtRegressCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));

            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).as(String.join(" ", args))
                    .startsWith("virt-regress: unknown command 'frobnicate'").contains("bisect");
            assertThat(out.toString()).as(String.join(" ", args)).doesNotContain("Usage:");
        }
    }

    @Test
    void shouldStillShowTheHelpOfAKnownCommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("bisect", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: virt-regress bisect");
    }

    @Test
    void shouldBuildOnlyTheNamedSubcommandAndShowTheSameHelpForIt() {
        for (Class<?> subcommand : VirtRegressCommand.SUBCOMMANDS) {
            String name = VirtRegressCommand.name(subcommand);
            if (name.equals("help")) {
                continue;
            }
            CommandLine only = VirtRegressCommand.commandLine(name, "--help");
            assertThat(only.getSubcommands().keySet()).as(name).containsExactly(name);

            assertThat(help(only, name, "--help")).as(name).contains("Usage: virt-regress " + name)
                    .isEqualTo(help(VirtRegressCommand.commandLine(), name, "--help"));
        }
    }

    @Test
    void shouldBuildEverySubcommandForHelpAndForAnythingElse() {
        List<String> all = VirtRegressCommand.SUBCOMMANDS.stream().map(VirtRegressCommand::name).toList();
        for (String[] args : List.of(new String[0], new String[] {"help", "poll"}, new String[] {"--help"},
                new String[] {"frobnicate"}, new String[] {"--version", "poll"})) {
            assertThat(VirtRegressCommand.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(all);
        }
        assertThat(help(VirtRegressCommand.commandLine("help", "poll"), "help", "poll"))
                .contains("Usage: virt-regress poll");
        assertThat(help(VirtRegressCommand.commandLine("--help"), "--help")).contains("poll").contains("demo");
    }

    private static String help(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }
}
