package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {
    @Test
    void shouldMakeASecondThreadWaitAndNameTheHolderWhenItGivesUp(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Instant before = Instant.now();
        StateLock held = StateLock.acquire(state, Duration.ZERO);

        CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> attempt(state, Duration.ofMillis(200)));
        assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(StateLockedException.class)
                .hasMessageStartingWith("state file " + state + " is in use by another poll: held by pid "
                        + ProcessHandle.current().pid() + " on ")
                .hasMessageContaining(" since ")
                .hasMessageContaining(", polling (lock file ")
                .hasMessageContaining("lock file " + dir.resolve("state.json.lock"))
                .hasMessageEndingWith("gave up after waiting 200 ms");

        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> attempt(state, Duration.ofSeconds(10)));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        held.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseAPollWhileAnotherHoldsTheStateFileAndLeaveTheStateAlone(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{}");
        PollRequest request = new PollRequest(List.of(Repository.parse(dir.resolve("repo").toString())),
                PackageSelector.of(List.of("foo")), state, null, false, Duration.ofMillis(100));

        try (StateLock held = StateLock.acquire(state, Duration.ZERO)) {
            assertThatThrownBy(() -> new Poller(new Fetcher()).poll(request))
                    .isInstanceOf(StateLockedException.class).hasMessageContaining(state.toString());
        }
        assertThat(state).hasContent("{}");
        assertThat(new Poller(new Fetcher()).poll(request).outcomes()).extracting(RepositoryOutcome::status)
                .containsExactly(RepositoryOutcome.Status.FAILED);
    }

    private static Throwable attempt(Path state, Duration timeout) {
        try (StateLock lock = StateLock.acquire(state, timeout)) {
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
