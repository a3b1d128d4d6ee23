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
