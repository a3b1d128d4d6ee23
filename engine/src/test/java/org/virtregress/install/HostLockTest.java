package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    void shouldGrantTheLockOnceTheHolderReleasesIt(@TempDir Path root) throws Exception {
        Path file = HostLock.lockFileFor(root);
        HostLock first = HostLock.acquire(file, "first", Duration.ofSeconds(1));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (HostLock lock = HostLock.acquire(file, "second", Duration.ofSeconds(10))) {
                return HostLock.holder(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(second).isNotDone();

        first.close();

        assertThat(second.get(10, TimeUnit.SECONDS)).contains("installing second");
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void shouldKeepTheRunningSystemsLockOutsideAnyRoot() {
        assertThat(HostLock.lockFileFor(null).getFileName().toString()).isEqualTo("virt-regress-install.lock");
    }
}
