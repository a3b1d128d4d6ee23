package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.storage.Json;

/**
 * Runs the engine's real bisector against a real git history through the exchange, with the test
 * playing the Pipeline: it asks for rounds, runs each probe in its own thread, and delivers verdicts.
 */
class ProbeExchangeITest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** What the Pipeline's bodies saw: every round, and every commit probed. */
    private record Transcript(List<List<String>> rounds, Set<String> probed) {
        static Transcript create() {
            return new Transcript(Collections.synchronizedList(new ArrayList<>()), ConcurrentHashMap.newKeySet());
        }
    }

    /** Reads the range as the Pipeline step does: a snapshot, through JSON, rebuilt on the controller. */
    private static BisectRange range(Path repository, String good) throws Exception {
        try (CommitGraph graph = CommitGraph.open(repository)) {
            RangeSnapshot snapshot = RangeSnapshot.of(graph.range(List.of(good), "main", List.of(), false), graph);
            String json = Json.mapper().writeValueAsString(snapshot);
            return Json.mapper().readValue(json, RangeSnapshot.class).toRange();
        }
    }

    private static ProbeResult test(Path repository, String commit) {
        try {
            Fixtures.run(repository, "git", "cat-file", "-e", commit + ":broken");
            return ProbeResult.bad(null, "broken");
        } catch (Exception missing) {
            return ProbeResult.good("works");
        }
    }

    /** Plays the Pipeline loop for at most {@code maxRounds} rounds; returns the last round's pending futures. */
    private static List<Future<?>> playPipeline(ProbeExchange exchange, Path repository, Transcript transcript,
            int maxRounds, ExecutorService bodies) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int n = 0; n < maxRounds; n++) {
            ProbeExchange.Round round = exchange.nextRound().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (round.done()) {
                return List.of();
            }
            transcript.rounds().add(round.requests().stream().map(r -> r.candidate().id()).toList());
            running.clear();
            for (ProbeExchange.Request request : round.requests()) {
                running.add(bodies.submit(() -> {
                    String commit = request.candidate().id();
                    transcript.probed().add(commit);
                    exchange.deliver(request.key(), commit, test(repository, commit));
                }));
            }
            for (Future<?> body : running) {
                body.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        return running;
    }

    private static CompletableFuture<BisectResult> startEngine(ProbeExchange exchange, BisectRange range, Path state,
            int probes, int confirm) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BisectResult result = Bisector.builder().probes(probes).confirm(confirm).stateFile(state).build()
                        .run(range, exchange);
                exchange.finish();
                return result;
            } catch (Exception e) {
                exchange.fail(e);
                throw new IllegalStateException(e);
            }
        }, Executors.newSingleThreadExecutor());
    }

    @Test
    void shouldFindTheCulpritWithProbesRunInRoundsOfK(@TempDir Path directory) throws Exception {
        Path repository = directory.resolve("upstream");
        List<String> history = Fixtures.history(repository, 30, 19, "break the boot");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService bodies = Executors.newCachedThreadPool();
        ProbeExchange exchange = new ProbeExchange(3, scheduler);
        Transcript transcript = Transcript.create();

        CompletableFuture<BisectResult> engine = startEngine(exchange, range(repository, history.get(0)),
                directory.resolve("state.json"), 3, 2);
        playPipeline(exchange, repository, transcript, 100, bodies);
        BisectResult result = engine.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo(history.get(18));
        assertThat(result.culprit().subject()).isEqualTo("break the boot");
        assertThat(result.culprit().author()).isEqualTo("Ann Example <ann@example.org>");
        assertThat(result.culprit().filesChanged()).containsExactly("broken", "counter");
        assertThat(transcript.rounds()).allSatisfy(round -> assertThat(round).hasSizeBetween(1, 3));
        assertThat(transcript.rounds()).anySatisfy(round -> assertThat(round).hasSize(3));
        assertThat(exchange.nextRound().get(WAIT.toSeconds(), TimeUnit.SECONDS).done()).isTrue();
        scheduler.shutdownNow();
        bodies.shutdownNow();
    }

    @Test
    void shouldResumeFromTheStateFileWithoutRepeatingProbes(@TempDir Path directory) throws Exception {
        Path repository = directory.resolve("upstream");
        List<String> history = Fixtures.history(repository, 40, 29, "break the boot");
        Path state = directory.resolve("state.json");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService bodies = Executors.newCachedThreadPool();
        BisectRange range = range(repository, history.get(0));

        ProbeExchange before = new ProbeExchange(2, scheduler);
        Transcript first = Transcript.create();
        CompletableFuture<BisectResult> stopped = startEngine(before, range, state, 2, 0);
        playPipeline(before, repository, first, 2, bodies);
        ProbeExchange.Round inFlight = before.nextRound().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        before.abort("controller restart");
        assertThat(stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ABORTED);

        ProbeExchange after = new ProbeExchange(2, scheduler);
        String survivor = inFlight.requests().get(0).candidate().id();
        after.deliver(inFlight.requests().get(0).key(), survivor, test(repository, survivor));
        Transcript second = Transcript.create();
        CompletableFuture<BisectResult> resumed = startEngine(after, range, state, 2, 0);
        playPipeline(after, repository, second, 100, bodies);
        BisectResult result = resumed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo(history.get(28));
        List<String> bisectedBefore = first.rounds().stream().flatMap(List::stream).toList();
        assertThat(bisectedBefore).isNotEmpty();
        assertThat(second.rounds().stream().flatMap(List::stream)).doesNotContainAnyElementsOf(bisectedBefore)
                .doesNotContain(survivor);
        assertThat(result.probes()).extracting(p -> p.verdict()).doesNotContain(Verdict.SKIP);
        scheduler.shutdownNow();
        bodies.shutdownNow();
    }
}
