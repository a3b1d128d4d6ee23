package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
