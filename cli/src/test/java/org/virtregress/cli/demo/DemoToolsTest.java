package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoToolsTest {
    @Test
    void shouldNameEveryMissingProgramWithItsPackageAndTheKernel(@TempDir Path dir) {
        assertThat(DemoTools.missing(dir.toString(), dir.resolve("vmlinuz"))).containsExactly(
                "createrepo_c (Debian package createrepo-c)",
                "dnf (Debian package dnf)",
                "git (Debian package git)",
                "qemu-system-x86_64 (Debian package qemu-system-x86)",
                "rpm (Debian package rpm)",
                "rpmbuild (Debian package rpm)",
                "the guest kernel " + dir.resolve("vmlinuz"));
    }

    @Test
    void shouldFindExecutablesAnywhereOnThePath(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("bin"));
        Path second = Files.createDirectories(dir.resolve("sbin"));
        for (String program : DemoTools.PROGRAMS.keySet()) {
            Path file = Files.writeString((program.startsWith("r") ? first : second).resolve(program), "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path kernel = Files.writeString(dir.resolve("vmlinuz"), "kernel");

        assertThat(DemoTools.missing(first + ":" + second, kernel)).isEmpty();
    }

    @Test
    void shouldNotCountAFileThatCannotBeRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("git"), "not a program");
        Path kernel = Files.writeString(dir.resolve("vmlinuz"), "kernel");

        assertThat(DemoTools.missing(dir.toString(), kernel)).contains("git (Debian package git)");
    }
}
