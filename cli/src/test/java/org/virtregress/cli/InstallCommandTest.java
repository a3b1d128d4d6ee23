package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InstallCommandTest {
    private static int run(StringWriter err, String... args) {
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldRefuseAPackageNameWithShellCharacters() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "install", "--manager", "dnf", "qemu;reboot=1.0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("invalid package name 'qemu;reboot'");
    }

    @Test
    void shouldRefuseAnUnknownPackageManager() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "install", "--manager", "pacman", "qemu")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown package manager 'pacman'").contains("dnf, zypper, apt");
    }

    @Test
    void shouldRefuseARequestWithNothingToDo() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "install", "--manager", "apt")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nothing to do");
    }

    @Test
    void shouldRequireTheManager() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "install", "qemu")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--manager");
    }
}
