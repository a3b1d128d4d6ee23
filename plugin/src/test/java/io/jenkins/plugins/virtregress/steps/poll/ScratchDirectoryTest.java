package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {
    @Test
    void shouldRemoveTheStateFileItsLockFileAndDownloads(@TempDir Path parent) throws Exception {
        Path path;
        try (ScratchDirectory directory = ScratchDirectory.createIn(parent, "virt-regress-poll")) {
            path = directory.path();
            Files.writeString(path.resolve("state.json"), "{}");
            Files.writeString(path.resolve("state.json.lock"), "");
            Files.createDirectories(path.resolve("downloads/x"));
            Files.writeString(path.resolve("downloads/x/repomd.xml"), "<repomd/>");
        }
        assertThat(path).doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void shouldNotFollowALinkOutOfTheDirectory(@TempDir Path parent) throws Exception {
        Path outside = Files.createDirectories(parent.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "kept");
        try (ScratchDirectory directory = ScratchDirectory.createIn(parent, "virt-regress-poll")) {
            Files.createSymbolicLink(directory.path().resolve("link"), outside);
        }
        assertThat(outside.resolve("keep.txt")).hasContent("kept");
    }
}
