package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;

/** Reads rpm changelogs with the real rpm; a package rpm cannot read is a note, not an empty silence. */
class ChangelogITest {
    @Test
    void shouldNoteAPackageThatRpmCannotReadAndReadNoEntries(@TempDir Path dir) throws Exception {
        Path newer = Files.writeString(dir.resolve("qemu-9.1.0-2.x86_64.rpm"), "not an rpm\n");
        Path older = Files.writeString(dir.resolve("qemu-9.1.0-1.x86_64.rpm"), "not an rpm either\n");

        ChangelogEntries read = Changelog.between(newer, older, new ProcessRunner());

        assertThat(read.entries()).isEmpty();
        assertThat(read.notes()).hasSize(2);
        assertThat(read.notes().get(0)).startsWith("cannot read the changelog of qemu-9.1.0-2.x86_64.rpm: ")
                .contains("exit code");
        assertThat(read.notes().get(1)).startsWith("cannot read the changelog of qemu-9.1.0-1.x86_64.rpm: ");
    }
}
