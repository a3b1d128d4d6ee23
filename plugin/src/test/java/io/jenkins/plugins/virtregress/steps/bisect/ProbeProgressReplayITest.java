package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeResult;

/** The engine's replay of a state file is what the plugin shows as replayed: a real bisection, run twice. */
class ProbeProgressReplayITest {
    @Test
    void shouldTellReplayedVerdictsFromProbesThatRan(@TempDir Path directory) throws Exception {
        Path repository = directory.resolve("upstream");
        List<String> history = Fixtures.history(repository, 10, 6, "break the boot");
        Path state = directory.resolve("state.json");
        AtomicInteger tests = new AtomicInteger();
        Probe probe = candidate -> {
            tests.incrementAndGet();
            return history.indexOf(candidate.id()) >= 5 ? ProbeResult.bad(null, "broken") : ProbeResult.good("works");
        };

        ProbeProgress first = new ProbeProgress(line -> { });
        ProbeProgress second;
        List<String> lines = new ArrayList<>();
        try (CommitGraph graph = CommitGraph.open(repository)) {
            BisectRange range = graph.range(List.of(history.get(0)), "main", List.of(), false);
            Bisector.builder().confirm(1).stateFile(state).listener(first).build().run(range, probe);
            int ran = tests.get();
            second = new ProbeProgress(lines::add);
            Bisector.builder().confirm(1).stateFile(state).listener(second).build().run(range, probe);
            assertThat(tests.get()).isEqualTo(ran);
        }

        assertThat(first.replayed()).isZero();
        assertThat(first.probed()).isPositive();
        assertThat(second.replayed()).isEqualTo(first.probed());
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("Replayed from the state file"));
    }
}
