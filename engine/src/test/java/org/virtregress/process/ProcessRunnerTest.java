package org.virtregress.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    @Test
    void shouldStreamLinesAndKeepOutput() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = new ProcessRunner().run(
                Command.of("printf", "one\\ntwo\\n").build(), (stream, line) -> lines.add(line));

        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("one", "two");
        assertThat(result.output()).isEqualTo("one\ntwo\n");
    }

    @Test
    void shouldPassArgumentsVerbatimWithoutAShell() throws Exception {
        CommandResult result = new ProcessRunner().run(
                Command.of("echo", "$(touch /tmp/never)", "a;b", "*").build(), OutputListener.NONE);

        assertThat(result.output()).isEqualTo("$(touch /tmp/never) a;b *\n");
    }

    @Test
    void shouldKillTheWholeTreeOnTimeout() throws Exception {
        // the child sleeps in a grandchild process; both must die
        CommandResult result = new ProcessRunner().run(
                Command.of("sh", "-c", "sleep 300 & echo $!; wait").timeout(Duration.ofMillis(700)).build(),
                OutputListener.NONE);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(30));
        long grandchild = Long.parseLong(result.output().trim());
        assertThat(waitUntilGone(grandchild)).as("grandchild %d still running", grandchild).isTrue();
    }

    private static boolean waitUntilGone(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        for (int i = 0; i < 100; i++) {
            // a killed process may linger as a zombie until its new parent reaps it
            if (!Files.exists(stat) || Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The processes alive now (zombies aside) whose environment carries the run id, read from /proc. */
    static List<Long> carrying(String runId) throws Exception {
        List<Long> out = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String environ = new String(Files.readAllBytes(entry.resolve("environ")),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    boolean zombie = stat.replaceFirst("^.*\\) ", "").startsWith("Z");
                    if (!zombie && java.util.Arrays.stream(environ.split("\0"))
                            .anyMatch(v -> v.startsWith(ProcessRunner.RUN_MARKER + "=") && v.contains(runId))) {
                        out.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (java.io.IOException gone) {
                    // ended while listed
                }
            }
        }
        return out;
    }

    /** Waits a bounded while for every process carrying the run id to be gone; returns the survivors. */
    static List<Long> survivors(String runId) throws Exception {
        List<Long> left = carrying(runId);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(50);
            left = carrying(runId);
        }
        return left;
    }

    private static String runId(CommandResult result) {
        String first = result.output().lines().findFirst().orElseThrow();
        return first.substring(first.lastIndexOf(',') + 1);
    }

    @Test
    void shouldKillChildrenThatDetachedWithSetsidOrNohupOnTimeout() throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of("sh", "-c",
                "echo \"$VIRT_REGRESS_RUN\"; setsid sleep 300 & (nohup sleep 301 >/dev/null 2>&1 &);"
                        + " echo started; sleep 300").timeout(Duration.ofSeconds(2)).build(), OutputListener.NONE);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.output()).contains("started");
        assertThat(survivors(runId(result))).as("processes of the run still alive").isEmpty();
    }

    @Test
    void shouldKillASuiteThatKeepsForkingOnTimeout() throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of("sh", "-c",
                "echo \"$VIRT_REGRESS_RUN\"; i=0; while [ $i -lt 100000 ]; do (sleep 300 &); i=$((i+1)); done")
                .timeout(Duration.ofSeconds(2)).build(), OutputListener.NONE);

        assertThat(result.timedOut()).isTrue();
        assertThat(survivors(runId(result))).as("processes of the run still alive").isEmpty();
    }

    @Test
    void shouldEndWhatACommandLeftRunningWhenItExits() throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of("sh", "-c",
                "echo \"$VIRT_REGRESS_RUN\"; setsid sleep 300 >/dev/null 2>&1 </dev/null & exit 0").build(),
                OutputListener.NONE);

        assertThat(result.succeeded()).isTrue();
        assertThat(survivors(runId(result))).as("processes of the run still alive").isEmpty();
    }

    @Test
    void shouldKillEverythingTheCommandStartedWhenInterrupted(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        Thread caller = new Thread(() -> {
            try {
                new ProcessRunner().run(Command.of("sh", "-c", "echo \"$VIRT_REGRESS_RUN\" > '" + marker
                        + "'; setsid sleep 300 & sleep 300").build(), OutputListener.NONE);
            } catch (Exception expected) {
                // interrupted
            }
        });
        caller.start();
        for (int i = 0; i < 200 && (!Files.exists(marker) || Files.readString(marker).isBlank()); i++) {
            Thread.sleep(25);
        }
        String value = Files.readString(marker).strip();
        String runId = value.substring(value.lastIndexOf(',') + 1);
        for (int i = 0; i < 200 && carrying(runId).size() < 3; i++) {
            Thread.sleep(25);
        }
        assertThat(carrying(runId)).as("the shell and its two sleeps").hasSizeGreaterThanOrEqualTo(3);

        caller.interrupt();
        caller.join(30_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(survivors(runId)).as("processes of the run still alive").isEmpty();
    }

    @Test
    void shouldRunTheCommandInASessionOfItsOwn() throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of("sh", "-c",
                "echo $$; cut -d' ' -f5,6 /proc/$$/stat").build(), OutputListener.NONE);

        List<String> lines = result.output().lines().toList();
        assertThat(lines.get(1)).as("process group and session").isEqualTo(lines.get(0) + " " + lines.get(0));
    }

    @Test
    void shouldFindAProgramRelativeToTheWorkingDirectoryAndOnThePath(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("probe.sh");
        Files.writeString(script, "#!/bin/sh\necho probed\n");
        script.toFile().setExecutable(true);

        CommandResult relative = new ProcessRunner().run(Command.of("./probe.sh").workingDirectory(dir).build(),
                OutputListener.NONE);
        CommandResult onPath = new ProcessRunner().run(Command.of("probe.sh").env("PATH", dir + ":/usr/bin:/bin")
                .build(), OutputListener.NONE);

        assertThat(relative.output()).isEqualTo("probed\n");
        assertThat(onPath.output()).isEqualTo("probed\n");
        assertThatThrownBy(() -> new ProcessRunner().run(Command.of("./missing.sh").workingDirectory(dir).build(),
                OutputListener.NONE)).isInstanceOf(ProgramNotFoundException.class).hasMessageContaining("./missing.sh");
    }

    @Test
    void shouldReportExitCodeAndEnvironmentAndDirectory(@TempDir Path dir) throws Exception {
        CommandResult result = new ProcessRunner().run(
                Command.of("sh", "-c", "echo \"$X\"; pwd; exit 3").env("X", "value").workingDirectory(dir).build(),
                OutputListener.NONE);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("value\n" + dir.toRealPath() + "\n");
    }

    @Test
    void shouldCapMemoryButKeepFullLogOnDisk(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        CommandResult result = new ProcessRunner(100).run(
                Command.of("seq", "1", "10000").logFile(log).build(), OutputListener.NONE);

        assertThat(result.truncated()).isTrue();
        assertThat(result.output().length()).isLessThanOrEqualTo(101);
        assertThat(result.output()).endsWith("9999\n10000\n");
        assertThat(Files.readAllLines(log)).hasSize(10000);
    }

    @Test
    void shouldNameAMissingProgram() {
        assertThatThrownBy(() -> new ProcessRunner().run(Command.of("no-such-program-xyz").build(), OutputListener.NONE))
                .isInstanceOf(ProgramNotFoundException.class)
                .hasMessageContaining("no-such-program-xyz");
    }

    @Test
    void shouldRefuseEmptyCommands() {
        assertThatThrownBy(() -> Command.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
