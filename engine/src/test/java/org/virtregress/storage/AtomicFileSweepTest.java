package org.virtregress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileSweepTest {
    @Test
    void shouldSweepTheTemporaryFileOfAKilledWriterButNotOfALiveOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("state.json");
        Path live = AtomicFile.temporaryFile(target, ".tmp");
        Path killed = Files.writeString(dir.resolve(live.getFileName().toString().replace(
                "." + ProcessHandle.current().pid() + "@", "." + deadPid() + "@")), "half a state");
        Path unrelated = Files.writeString(dir.resolve(".state.json.notes.tmp"), "mine");

        AtomicFile.write(target, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(target).hasContent("{}");
        assertThat(killed).doesNotExist();
        assertThat(live).exists();
        assertThat(unrelated).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(target, live, unrelated);
        }
    }

    @Test
    void shouldKeepThePermissionsOfTheFileItReplaces(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("index.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFile.write(target, "new".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void shouldRefuseToReplaceADirectory(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("state.json"));

        assertThatThrownBy(() -> AtomicFile.write(target, new byte[0])).isInstanceOf(IOException.class)
                .hasMessage(target + " is a directory, not a file");
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
