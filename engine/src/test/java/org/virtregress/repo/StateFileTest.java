package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @Test
    void shouldSayThatAStatePathIsADirectory(@TempDir Path dir) throws Exception {
        Path state = Files.createDirectory(dir.resolve("state.json"));

        assertThatThrownBy(() -> PollState.load(state)).isInstanceOf(IOException.class)
                .hasMessage("state file " + state + " is a directory; give the path of a file (a missing file is"
                        + " created by the first poll)");
        assertThatThrownBy(() -> poll(dir, state)).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void shouldRefuseAReadOnlyStateFileAndLeaveIt(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"repositories\": {}}");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> poll(dir, state)).isInstanceOf(IOException.class)
                .hasMessage("state file " + state + " is read-only (mode r--r--r--); a poll replaces it, so make it"
                        + " writable or give another state file");
        assertThat(state).hasContent("{\"repositories\": {}}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("r--r--r--");
    }

    private static PollResult poll(Path dir, Path state) throws IOException {
        Files.createDirectories(dir.resolve("repo/repodata"));
        return new Poller(new Fetcher()).poll(new PollRequest(List.of(Repository.parse(dir.resolve("repo").toString())),
                PackageSelector.of(List.of("foo")), state, null, false));
    }
}
