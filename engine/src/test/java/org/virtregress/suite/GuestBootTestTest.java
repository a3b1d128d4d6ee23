package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestBootTestTest {
    @Test
    void shouldPackBusyboxInitChecksAndExtraTreesIntoANewcInitramfs(@TempDir Path dir) throws Exception {
        GuestBootTest test = guestTest(dir)
                .extraTree(installRoot(dir))
                .checks(List.of("kernel-is-up", "/usr/libexec/probe-tests/tool-runs"))
                .build();
        Path initrd = dir.resolve("initrd.cpio");

        test.writeInitramfs(initrd);

        Map<String, CpioArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (CpioArchiveInputStream cpio = new CpioArchiveInputStream(Files.newInputStream(initrd))) {
            CpioArchiveEntry entry;
            while ((entry = cpio.getNextCPIOEntry()) != null) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), new String(cpio.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("init", "bin/busybox", "checks/kernel-is-up", "usr/local/bin/tool",
                "usr/libexec/probe-tests/tool-runs", "usr/lib/libtool.so", "proc", "sys", "dev");
        assertThat(entries.get("init").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("usr/local/bin/tool").getMode() & 07777).isEqualTo(0750);
        assertThat(entries.get("usr/lib/libtool.so").isSymbolicLink()).isTrue();
        assertThat(contents.get("usr/lib/libtool.so")).isEqualTo("libtool.so.1");
        assertThat(entries.get("usr/local").isDirectory()).isTrue();
        assertThat(entries.values()).allMatch(e -> e.getUID() == 0 && e.getGID() == 0);
        assertThat(contents.get("init"))
                .startsWith("#!/bin/busybox sh")
                .contains("for check in /checks/kernel-is-up /usr/libexec/probe-tests/tool-runs; do")
                .contains("echo \"" + GuestBootTest.BEGIN_MARKER + "\"")
                .contains("poweroff -f");
    }

    @Test
    void shouldKeepTheMergedUsrLinksOfAnExtraTree(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("merged");
        executable(root.resolve("usr/bin/bash"), "#!/bin/false\n");
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Path initrd = dir.resolve("initrd.cpio");

        guestTest(dir).extraTree(root).build().writeInitramfs(initrd);

        List<String> names = new java.util.ArrayList<>();
        try (CpioArchiveInputStream cpio = new CpioArchiveInputStream(Files.newInputStream(initrd))) {
            CpioArchiveEntry entry;
            while ((entry = cpio.getNextCPIOEntry()) != null) {
                names.add((entry.isSymbolicLink() ? "link " : entry.isDirectory() ? "dir " : "file ") + entry.getName());
            }
        }
        assertThat(names).contains("link bin", "file usr/bin/bash", "file bin/busybox", "file init")
                .doesNotContain("dir bin");
        assertThat(names.indexOf("link bin")).isLessThan(names.indexOf("file bin/busybox"));
        assertThat(names.get(names.size() - 1)).isEqualTo("file init");
    }

    @Test
    void shouldBootQemuUnderTcgAndRerunOnlyTheFailedCheck(@TempDir Path dir) throws Exception {
        SuiteDefinition suite = guestTest(dir).pvhBoot(false).rerunFailed(2).build().suite();

        assertThat(suite.argv()).startsWith("qemu-system-x86_64", "-machine", "q35,accel=tcg", "-cpu", "max")
                .contains("-nodefaults", "-nographic", "-no-reboot", "-serial", "stdio", "-kernel",
                        dir.resolve("vmlinuz").toAbsolutePath().toString());
        assertThat(suite.argv().get(suite.argv().size() - 1)).isEqualTo(GuestBootTest.KERNEL_ARGUMENTS);
        assertThat(suite.results()).isEqualTo(
                ResultsSource.stdoutBetween(GuestBootTest.BEGIN_MARKER, GuestBootTest.END_MARKER));
        CaseResult failed = CaseResult.of("kernel-is-up", "1 - kernel-is-up", CaseStatus.FAIL, null, "x", null);
        List<String> rerun = suite.rerunTemplate().commandFor(failed);
        assertThat(rerun.get(rerun.size() - 1)).endsWith(" virt_regress.only=kernel-is-up");
        assertThat(suite.reruns()).isEqualTo(2);
    }

    @Test
    void shouldRefuseCheckPathsTheInitScriptCannotCarry(@TempDir Path dir) throws Exception {
        GuestBootTest test = guestTest(dir).checks(List.of("rm -rf /")).build();

        assertThatThrownBy(() -> test.writeInitramfs(dir.resolve("initrd.cpio")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/checks/rm -rf /'");
    }

    @Test
    void shouldNameAMissingKernel(@TempDir Path dir) throws Exception {
        GuestBootTest test = guestTest(dir).kernel(dir.resolve("no-such-vmlinuz")).build();

        assertThatThrownBy(test::suite).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-vmlinuz not found");
    }

    private static GuestBootTest.Builder guestTest(Path dir) throws IOException {
        Path busybox = Files.writeString(dir.resolve("busybox"), "not really busybox");
        Path kernel = Files.writeString(dir.resolve("vmlinuz"), "not really a kernel");
        Path checks = Files.createDirectories(dir.resolve("checks"));
        executable(checks.resolve("kernel-is-up"), "#!/bin/sh\ntrue\n");
        return GuestBootTest.builder("unit", dir.resolve("work")).busybox(busybox).kernel(kernel)
                .checksDirectory(checks);
    }

    private static Path installRoot(Path dir) throws IOException {
        Path root = dir.resolve("root");
        Path tool = executable(root.resolve("usr/local/bin/tool"), "#!/bin/sh\necho probe ok\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
        executable(root.resolve("usr/libexec/probe-tests/tool-runs"), "#!/bin/sh\ntool\n");
        Files.createDirectories(root.resolve("usr/lib"));
        Files.writeString(root.resolve("usr/lib/libtool.so.1"), "ELF");
        Files.createSymbolicLink(root.resolve("usr/lib/libtool.so"), Path.of("libtool.so.1"));
        return root;
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

}
