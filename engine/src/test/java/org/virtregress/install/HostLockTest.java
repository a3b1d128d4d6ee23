package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLockTest {
    @Test
    void shouldNameTheHolderWhenTheWaitTimesOut(@TempDir Path root) throws Exception {
        Path file = HostLock.lockFileFor(root);
        try (HostLock held = HostLock.acquire(file, "dnf qemu=8.2.0-1", Duration.ofSeconds(1))) {
            assertThat(held.file()).isEqualTo(root.resolve("var/lib/virt-regress/install.lock"));

            assertThatThrownBy(() -> HostLock.acquire(file, "zypper xen=4.17", Duration.ofMillis(300)))
                    .isInstanceOf(InstallException.class)
                    .hasMessageContaining("install lock " + file + " not granted within 300 ms")
                    .hasMessageContaining("held by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("installing dnf qemu=8.2.0-1");
        }
    }

    @Test
    void shouldWriteWhatTheHolderInstallsIntoTheLockFile(@TempDir Path root) throws Exception {
        Path file = HostLock.lockFileFor(root);
        try (HostLock held = HostLock.acquire(file, "apt xen=4.17", Duration.ZERO)) {
            assertThat(HostLock.holder(file)).startsWith("pid " + ProcessHandle.current().pid() + " on ")
                    .endsWith(", installing apt xen=4.17");
        }
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void shouldKeepTheRunningSystemsLockOutsideAnyRoot() {
        assertThat(HostLock.lockFileFor(null).getFileName().toString()).isEqualTo("virt-regress-install.lock");
    }
}
