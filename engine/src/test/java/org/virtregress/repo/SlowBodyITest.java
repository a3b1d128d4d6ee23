package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowBodyITest {
    private static final FetchTimeouts QUICK = new FetchTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), 100,
            Duration.ofSeconds(1));

    @Test
    void shouldFailAPollWhoseServerStallsAfterTheHeaders(@TempDir Path dir) throws Exception {
        try (SlowServer server = SlowServer.stalling()) {
            PollResult result = poll(server, QUICK, dir);

            assertThat(result.hasFailures()).isTrue();
            assertThat(result.outcomes()).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(RepositoryOutcome.Status.FAILED);
                assertThat(outcome.message()).isEqualTo("the body of " + server.uri("repo/repodata/repomd.xml")
                        + " stalled: 0 bytes arrived in 1 s of waiting, below the minimum rate of 100 bytes per 1 s"
                        + " (0 bytes received)");
            });
        }
        assertThat(dir.resolve("state.json")).content().doesNotContain("repomd");
    }

    @Test
    void shouldFailABodyThatTricklesAByteAtATime() throws Exception {
        try (SlowServer server = SlowServer.trickling(1, Duration.ofMillis(200))) {
            Fetcher fetcher = new Fetcher(QUICK, null);

            assertThatThrownBy(() -> fetcher.fetch(server.uri("repodata/repomd.xml"), 1 << 20))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageStartingWith("the body of " + server.uri("repodata/repomd.xml") + " stalled: ")
                    .hasMessageContaining("below the minimum rate of 100 bytes per 1 s");
        }
    }

    @Test
    void shouldFailABodyThatKeepsTheRateButNeverEnds() throws Exception {
        FetchTimeouts deadline = QUICK.withBody(Duration.ofSeconds(1));
        try (SlowServer server = SlowServer.trickling(200, Duration.ofMillis(100))) {
            Fetcher fetcher = new Fetcher(deadline, null);

            assertThatThrownBy(() -> fetcher.open(server.uri("big.rpm"))
                    .transferTo(java.io.OutputStream.nullOutputStream()))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageStartingWith("the body of " + server.uri("big.rpm")
                            + " did not arrive within the limit of 1 s for the whole body (")
                    .hasMessageEndingWith(" bytes received)");
        }
    }

    @Test
    void shouldApplyTheMinimumRateOfTheDefaultsToARequestTimeout() throws Exception {
        try (SlowServer server = SlowServer.stalling()) {
            Fetcher fetcher = new Fetcher(Duration.ofSeconds(1), null);

            assertThatThrownBy(() -> fetcher.fetch(server.uri("InRelease"), 1 << 20))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessage("the body of " + server.uri("InRelease") + " stalled: 0 bytes arrived in 1 s"
                            + " of waiting, below the minimum rate of 1024 bytes per 1 s (0 bytes received)");
        }
    }

    private static PollResult poll(SlowServer server, FetchTimeouts timeouts, Path dir) throws Exception {
        Poller poller = new Poller(new Fetcher(timeouts, null), ReadLimits.DEFAULT, Clock.systemUTC());
        return poller.poll(new PollRequest(List.of(Repository.parse(server.uri("repo/").toString())),
                PackageSelector.of(List.of("qemu-*")), dir.resolve("state.json"), dir.resolve("archive"), false));
    }
}
