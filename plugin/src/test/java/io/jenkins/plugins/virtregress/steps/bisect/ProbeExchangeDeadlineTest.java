package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.ProbeAbortedException;

class ProbeExchangeDeadlineTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void shouldStopAProbeThatGetsNoVerdictBeforeItsDeadline() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ProbeExchange exchange = new ProbeExchange(1, () -> timer, Duration.ofMillis(200));

            assertThatThrownBy(() -> exchange.probe(Candidate.of(COMMIT)))
                    .isInstanceOf(ProbeAbortedException.class)
                    .hasMessageContaining("no verdict for " + COMMIT);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void shouldStopAWaitingProbeWhenTheBisectionIsAborted() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ProbeExchange exchange = new ProbeExchange(1, () -> timer, Duration.ofMinutes(5));
            var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return exchange.probe(Candidate.of(COMMIT)).verdict().name();
                } catch (ProbeAbortedException e) {
                    return "aborted: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            });
            exchange.nextRound().get(); // the probe is waiting for its verdict
            exchange.abort("the build ended");

            assertThat(waiting.get()).isEqualTo("aborted: the build ended");
        } finally {
            timer.shutdownNow();
        }
    }
}
