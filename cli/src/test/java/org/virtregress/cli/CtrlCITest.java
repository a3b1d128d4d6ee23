package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;

/**
 * Stops a real {@code virt-regress} JVM with SIGINT, as Ctrl-C does, while its suite runs. The JVM
 * is started with SIGINT at its default disposition, as a terminal's foreground job has it: a JVM
 * that starts with SIGINT ignored (the children of a background job of a non-interactive shell,
 * or of {@code nohup}, inherit that) installs no handler and cannot see Ctrl-C at all, so the test
 * resets it through {@code perl} (which then executes the JVM in its place) whatever the test
 * runner inherited.
 */
class CtrlCITest {
    /** Sets SIGINT to its default disposition, then executes the rest of the command line. */
    private static final List<String> SIGINT_DEFAULT = List.of("perl", "-e",
            "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot execute $ARGV[0]: $!\\n\"");

    @Test
    void shouldKillEverythingTheSuiteStartedWhenInterrupted(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        String suite = "echo \"$VIRT_REGRESS_RUN\" > '" + marker + "'; setsid sleep 300 >/dev/null 2>&1 </dev/null &"
                + " (nohup sleep 301 >/dev/null 2>&1 </dev/null &); echo 1..1; sleep 300";
        List<String> argv = new ArrayList<>(SIGINT_DEFAULT);
        argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "test", "--timeout", "10m",
                "--log-dir", dir.resolve("logs").toString(), "--", "sh", "-c", suite));
        Process cli = new ProcessBuilder(argv)
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        String runId = awaitRunId(marker);
        for (int i = 0; i < 400 && carrying(runId).size() < 3; i++) {
            Thread.sleep(25);
        }
        assertThat(carrying(runId)).as("the suite and its two detached sleeps").hasSizeGreaterThanOrEqualTo(3);

        assertThat(ignoredSignals(cli.pid()) & (1L << 1)).as("SIGINT is not ignored by the virt-regress JVM").isZero();

        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("virt-regress ended").isTrue();
        List<Long> left = carrying(runId);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(50);
            left = carrying(runId);
        }
        assertThat(left).as("processes of the suite still alive").isEmpty();
    }

    /** The mask of the signals a process ignores (bit n-1 for signal n), from /proc. */
    private static long ignoredSignals(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
                .findFirst().orElseThrow();
    }

    private static String awaitRunId(Path marker) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(marker) && !Files.readString(marker).isBlank()) {
                String value = Files.readString(marker).strip();
                return value.substring(value.lastIndexOf(',') + 1);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the suite never started");
    }

    /** The live processes (zombies aside) whose environment carries the run id, read from /proc. */
    private static List<Long> carrying(String runId) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).filter(p -> {
                try {
                    String environ = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.ISO_8859_1);
                    return !Files.readString(p.resolve("stat")).replaceFirst("^.*\\) ", "").startsWith("Z")
                            && Stream.of(environ.split("\0")).anyMatch(
                                    v -> v.startsWith(ProcessRunner.RUN_MARKER + "=") && v.contains(runId));
                } catch (IOException gone) {
                    return false;
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }
}
