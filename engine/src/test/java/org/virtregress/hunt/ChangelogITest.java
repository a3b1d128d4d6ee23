package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.Command;
import org.virtregress.process.OutputListener;
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

    @Test
    void shouldListNoEntryAsNewWhenOnlyTheOlderPackageIsUnreadable(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("vrdemo.spec"), """
                Name: vrdemo
                Version: 1.0
                Release: 2
                Summary: changelog test
                License: MIT
                BuildArch: noarch
                %description
                test
                %files
                %changelog
                * Wed Sep 04 2024 Tests <tests@virtregress.invalid> - 1.0-2
                - build 2
                * Mon Sep 02 2024 Tests <tests@virtregress.invalid> - 1.0-1
                - build 1
                """);
        ProcessRunner runner = new ProcessRunner();
        assertThat(runner.run(Command.of("rpmbuild", "-bb", "--define", "_topdir " + dir,
                spec.toString()).timeout(Duration.ofMinutes(2)).build(),
                OutputListener.NONE).succeeded()).isTrue();
        Path newer;
        try (var files = Files.walk(dir.resolve("RPMS"))) {
            newer = files.filter(f -> f.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
        Path older = Files.writeString(dir.resolve("vrdemo-1.0-1.noarch.rpm"), "truncated\n");

        ChangelogEntries read = Changelog.between(newer, older, runner);

        assertThat(read.entries()).as("no entry can be told to be new").isEmpty();
        assertThat(read.notes()).singleElement().asString()
                .startsWith("cannot read the changelog of vrdemo-1.0-1.noarch.rpm: ");
        assertThat(Changelog.between(newer, newer, runner).entries()).as("the same package: nothing new").isEmpty();
    }
}
