package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.hunt.HuntResult;

class HuntCommandTest {
    @Test
    void shouldNameTheOptionAtFault(@TempDir Path dir) {
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu", "--manager", "dnf", "--", "true"))
                .isEqualTo(ExitCodes.USAGE + " virt-regress hunt: --good qemu: expected NAME=VALUE");
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu=1-1", "--manager", "dnf",
                "--source", "qemu=" + dir, "--", "true"))
                .isEqualTo(ExitCodes.USAGE + " virt-regress hunt: --source needs --commit-probe ARGV, the command that"
                        + " tests a commit");
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu=1-1", "--manager", "dnf",
                "--source", "qemu=" + dir.resolve("missing"), "--commit-probe", "make check", "--", "true"))
                .startsWith(ExitCodes.USAGE + " virt-regress hunt: --source qemu=").endsWith("missing: no such directory");
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu=1-1", "--manager", "pacman", "--", "true"))
                .startsWith(ExitCodes.USAGE + " virt-regress hunt: ").contains("pacman");
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu=1-1", "--manager", "dnf", "--flaky",
                "--confidence", "1.5", "--", "true"))
                .isEqualTo(ExitCodes.USAGE + " virt-regress hunt: --confidence must be above 0.5 and below 1 and"
                        + " --max-runs at least 1: 1.5, 1000");
        assertThat(run("hunt", "--archive", dir.toString(), "--good", "qemu=1-1", "--manager", "dnf",
                "--max-runs", "0", "--", "true"))
                .isEqualTo(ExitCodes.USAGE + " virt-regress hunt: --confidence must be above 0.5 and below 1 and"
                        + " --max-runs at least 1: 0.99, 0");
    }

    @Test
    void shouldEndAHuntWithoutArchiveNamingTheDirectory(@TempDir Path dir) {
        String out = run("hunt", "--archive", dir.resolve("none").toString(), "--good", "qemu=1-1", "--manager", "dnf",
                "--", "true");

        assertThat(out).startsWith(ExitCodes.USAGE + " ").contains("archive " + dir.resolve("none") + " has no index.json");
    }

    @Test
    void shouldShareTheBisectExitCodes() {
        assertThat(HuntCommand.exitCode(HuntResult.Ending.COMMIT)).isEqualTo(ExitCodes.OK);
        assertThat(HuntCommand.exitCode(HuntResult.Ending.PACKAGING)).isEqualTo(ExitCodes.OK);
        assertThat(HuntCommand.exitCode(HuntResult.Ending.INCONCLUSIVE)).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(HuntCommand.exitCode(HuntResult.Ending.ABORTED)).isEqualTo(ExitCodes.SUITE_ERROR);
        assertThat(HuntCommand.exitCode(HuntResult.Ending.REPOSITORY)).isEqualTo(ExitCodes.REPOSITORY);
    }

    private static String run(String... argv) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(argv);
        return code + " " + out.toString().strip();
    }
}
