package org.virtregress.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
    @Test
    void shouldMakeASecondThreadWaitAndNameTheHolderWhenItGivesUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/b/state.lock");
        Instant before = Instant.now();
        LockFile held = LockFile.acquire(file, "polling feed", Duration.ZERO);
        assertThat(held.file()).isEqualTo(file);

        CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> attempt(file, Duration.ofMillis(200)));
        assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(LockTimeoutException.class, e -> {
            assertThat(e.lockFile()).isEqualTo(file);
            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200));
            assertThat(e.holder()).startsWith("pid " + ProcessHandle.current().pid() + " on ")
                    .contains(" since ").endsWith(", polling feed");
            assertThat(e).hasMessage("lock file " + file + " is held by " + e.holder()
                    + "; gave up after waiting 200 ms");
        });

        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> attempt(file, Duration.ofSeconds(10)));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        held.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldNameTheHolderInTheFileAndEmptyItOnRelease(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("install.lock");
        try (LockFile held = LockFile.acquire(file, "installing qemu", Duration.ZERO)) {
            assertThat(LockFile.holder(file)).startsWith("pid " + ProcessHandle.current().pid() + " on ")
                    .endsWith(", installing qemu");
            assertThat(Json.mapper().readTree(file.toFile()).get("purpose").asText()).isEqualTo("installing qemu");
            held.close();
            assertThat(Files.readString(file)).isEmpty();
        }
        assertThat(LockFile.holder(file)).isEqualTo("a process that has not named itself yet");
        assertThat(LockFile.holder(Files.writeString(file, "not json"))).isEqualTo("a process that names itself unreadably");
        assertThat(LockFile.holder(dir.resolve("missing.lock"))).startsWith("an unknown process (");
    }

    @Test
    void shouldWaitForAHolderInAnotherProcessAndNameIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.lock");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockFileHolder.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(Json.mapper().readTree(file.toFile()).get("pid").asLong()).isEqualTo(holder.pid());

            assertThatThrownBy(() -> LockFile.acquire(file, "waiting", Duration.ofMillis(300)))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("held by pid " + holder.pid() + " on ")
                    .hasMessageContaining(", holding for a test");

            CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> attempt(file, Duration.ofSeconds(20)));
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            holder.getOutputStream().close();
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isNull();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void shouldIgnoreASecondClose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.lock");
        LockFile held = LockFile.acquire(file, "first", Duration.ZERO);
        held.close();
        try (LockFile again = LockFile.acquire(file, "second", Duration.ZERO)) {
            held.close();

            assertThat(attempt(file, Duration.ofMillis(100))).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining(", second");
        }
    }

    private static Throwable attempt(Path file, Duration timeout) {
        try (LockFile lock = LockFile.acquire(file, "waiting", timeout)) {
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
