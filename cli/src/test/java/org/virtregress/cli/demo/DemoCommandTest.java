package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.cli.ExitCodes;
import org.virtregress.cli.VirtRegressCommand;
import picocli.CommandLine;

class DemoCommandTest {
    @Test
    void shouldRefuseAWorkDirectoryThatIsNotEmpty(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keep-me"), "data");
        StringWriter err = new StringWriter();

        int exit = cli(err).execute("demo", "--workdir", dir.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("work directory " + dir + " is not an empty directory");
        assertThat(dir.resolve("keep-me")).hasContent("data");
    }

    @Test
    void shouldRefuseZeroProbes(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        assertThat(cli(err).execute("demo", "--probes", "0", "--workdir", dir.resolve("w").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--probes must be at least 1");
        assertThat(dir.resolve("w")).doesNotExist();
    }

    @Test
    void shouldDescribeTheLoopAndItsDefaultsInItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: virt-regress demo").contains("--workdir=DIR")
                .contains("(default: 3, osstest's standard)").contains("(default: 2, one per core)");
    }

    private static CommandLine cli(StringWriter err) {
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli;
    }
}
