package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlakyBisectorTest {
    private static List<String> builds(int n) {
        return IntStream.range(0, n).mapToObj(i -> "build-" + i).toList();
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }

    /**
     * A seeded flaky test: a build from {@code culprit} on fails with probability q, an older one with
     * probability f. The outcome of the k-th run of a build depends only on the seed, the build and k,
     * so a resumed search that continues each build's count sees the same outcomes.
     */
    private static Probe seeded(long seed, int culprit, double q, double f, Map<String, Integer> counts) {
        return candidate -> {
            int k;
            synchronized (counts) {
                k = counts.merge(candidate.id(), 1, Integer::sum);
            }
            double draw = new SplittableRandom(seed * 1_000_003L + candidate.id().hashCode() * 7919L + k).nextDouble();
            boolean fails = draw < (number(candidate.id()) >= culprit ? q : f);
            return fails ? ProbeResult.bad("crash", "exit code 1") : ProbeResult.good("exit code 0");
        };
    }

    private static Probe seeded(long seed, int culprit, double q, double f) {
        return seeded(seed, culprit, q, f, new HashMap<>());
    }

    @Test
    void shouldFindThePlantedCulpritOfAFlakyTestWithItsConfidence() throws Exception {
        BisectResult result = FlakyBisector.builder().build().run(BuildBisection.of(builds(65)),
                seeded(1, 40, 0.5, 0.02));

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo("build-40");
        assertThat(result.flaky().confidence()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.flaky().introduced()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.flaky().failWhenBad()).isBetween(0.2, 0.8);
        assertThat(result.flaky().posterior()).extracting(FlakyFigures.Position::id).contains("build-39", "build-40");
        assertThat(result.probes().size() + result.confirmation().size()).isEqualTo(result.testRuns());
        assertThat(result.reason()).contains("build-40", "P(it introduced the failure)");
    }

    @Test
    void shouldProbeASteadyTestWhereTheDeterministicSearchDoes() throws Exception {
        BisectRange range = BuildBisection.of(builds(1025));
        BisectResult flaky = FlakyBisector.builder().build().run(range, seeded(3, 700, 1, 0));
        BisectResult deterministic = Bisector.builder().repeat(1).confirm(3).build().run(range, seeded(3, 700, 1, 0));
        List<String> midpoints = deterministic.probes().stream().filter(r -> r.phase() == Phase.BISECT)
                .map(ProbeRecord::candidate).toList();

        assertThat(flaky.outcome()).as(flaky.reason()).isEqualTo(Outcome.COMPLETE);
        assertThat(flaky.culprit().id()).isEqualTo("build-700");
        assertThat(midpoints).hasSize(10);
        assertThat(flaky.probes().stream().filter(r -> r.phase() == Phase.BISECT).limit(midpoints.size())
                .map(ProbeRecord::candidate)).containsExactlyElementsOf(midpoints);
    }

    @Test
    void shouldRerunTheBadEndUntilItFailsAndSayHowOften() throws Exception {
        Probe failsOnFourthRun = new Probe() {
            private final AtomicInteger badEndRuns = new AtomicInteger();

            @Override
            public ProbeResult probe(Candidate candidate) {
                int n = number(candidate.id());
                boolean fails = n == 16 ? badEndRuns.incrementAndGet() % 4 == 0 : n >= 9;
                return fails ? ProbeResult.bad("crash", "exit code 1") : ProbeResult.good("exit code 0");
            }
        };

        BisectResult result = FlakyBisector.builder().build().run(BuildBisection.of(builds(17)), failsOnFourthRun);

        assertThat(result.probes().subList(0, 4)).allMatch(p -> p.phase() == Phase.VERIFY)
                .extracting(ProbeRecord::verdict).containsExactly(Verdict.GOOD, Verdict.GOOD, Verdict.GOOD, Verdict.BAD);
        assertThat(result.flaky().badEndRuns()).isGreaterThanOrEqualTo(4);
        assertThat(result.flaky().badEndFailures()).isGreaterThanOrEqualTo(1);
        assertThat(result.culprit().id()).isEqualTo("build-9");
    }

    @Test
    void shouldCallABadEndThatNeverFailsUnreproducibleAfterTheBudget() throws Exception {
        BisectResult result = FlakyBisector.builder().maxRuns(30).build().run(BuildBisection.of(builds(9)),
                candidate -> ProbeResult.good("exit code 0"));

        assertThat(result.outcome()).isEqualTo(Outcome.UNREPRODUCIBLE);
        assertThat(result.testRuns()).isEqualTo(30);
        assertThat(result.flaky().badEndRuns()).isEqualTo(30);
        assertThat(result.flaky().badEndFailures()).isZero();
        assertThat(result.reason()).contains("passed all 30 runs");
    }

    @Test
    void shouldReportTheSmallestSetHoldingTheTargetWhenTheBudgetIsSpent() throws Exception {
        BisectResult result = FlakyBisector.builder().maxRuns(40).build().run(BuildBisection.of(builds(65)),
                seeded(3, 20, 0.3, 0.02));

        assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.testRuns()).isEqualTo(40);
        assertThat(result.culprit()).isNull();
        assertThat(result.range()).hasSizeGreaterThan(1);
        assertThat(result.flaky().confidence()).isGreaterThanOrEqualTo(0.99);
        assertThat(result.reason()).contains("run budget is spent", "with probability");
    }

    @Test
    void shouldResumeInTheMiddleOfANoisySearchWithTheSameAnswer(@TempDir Path dir) throws Exception {
        BisectRange range = BuildBisection.of(builds(129));
        BisectResult uninterrupted = FlakyBisector.builder().build().run(range, seeded(7, 77, 0.4, 0.02));
        Path state = dir.resolve("state.json");
        Map<String, Integer> counts = new HashMap<>();
        Probe first = seeded(7, 77, 0.4, 0.02, counts);
        AtomicInteger calls = new AtomicInteger();
        Probe killedAfter37 = candidate -> {
            if (calls.incrementAndGet() > 37) {
                throw new ProbeAbortedException("killed");
            }
            return first.probe(candidate);
        };

        BisectResult aborted = FlakyBisector.builder().stateFile(state).build().run(range, killedAfter37);
        AtomicInteger resumedCalls = new AtomicInteger();
        Probe rest = seeded(7, 77, 0.4, 0.02, counts);
        BisectResult resumed = FlakyBisector.builder().stateFile(state).build().run(range, candidate -> {
            resumedCalls.incrementAndGet();
            return rest.probe(candidate);
        });

        assertThat(aborted.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(BisectState.read(state).runs()).hasSize(uninterrupted.testRuns());
        assertThat(resumedCalls.get()).isEqualTo(uninterrupted.testRuns() - 37);
        assertThat(resumed.outcome()).isEqualTo(uninterrupted.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(resumed.culprit()).isEqualTo(uninterrupted.culprit());
        assertThat(resumed.culprit().id()).isEqualTo("build-77");
        assertThat(resumed.flaky().confidence()).isEqualTo(uninterrupted.flaky().confidence());
        assertThat(resumed.probes()).extracting(ProbeRecord::candidate, ProbeRecord::verdict)
                .isEqualTo(uninterrupted.probes().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.candidate(),
                        p.verdict())).toList());
    }

    @Test
    void shouldRunKDistinctCandidatesPerRound() throws Exception {
        BisectResult result = FlakyBisector.builder().probes(3).build().run(BuildBisection.of(builds(200)),
                seeded(5, 123, 0.7, 0));

        assertThat(result.culprit().id()).isEqualTo("build-123");
        Map<Integer, List<String>> byRound = new HashMap<>();
        result.probes().stream().filter(p -> p.phase() == Phase.BISECT)
                .forEach(p -> byRound.computeIfAbsent(p.round(), r -> new java.util.ArrayList<>()).add(p.candidate()));
        assertThat(byRound.values()).allSatisfy(round -> assertThat(round).hasSizeLessThanOrEqualTo(3)
                .doesNotHaveDuplicates());
        assertThat(byRound.values()).anySatisfy(round -> assertThat(round).hasSize(3));
        assertThat(result.rounds()).isLessThan(result.bisectionProbes());
    }

    @Test
    void shouldEndInconclusiveWhenAnUntestableCandidateHidesTheCulprit() throws Exception {
        BisectResult result = FlakyBisector.builder().build().run(BuildBisection.of(builds(33)), candidate -> {
            int n = number(candidate.id());
            return n == 20 ? ProbeResult.skip("build failed")
                    : n >= 20 ? ProbeResult.bad("crash", "exit code 1") : ProbeResult.good("exit code 0");
        });

        assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.range()).extracting(CandidateDetails::id).containsExactly("build-21", "build-20");
        assertThat(result.flaky().confidence()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldTakeOverWhenTheBadEndOfADeterministicBisectionIsIntermittent() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        BisectResult mixed = Bisector.builder().repeat(3).build().run(BuildBisection.of(builds(9)),
                candidate -> runs.incrementAndGet() == 1 ? ProbeResult.good("exit code 0")
                        : ProbeResult.bad("crash", "exit code 1"));
        BisectResult steady = Bisector.builder().repeat(3).build().run(BuildBisection.of(builds(9)),
                candidate -> number(candidate.id()) >= 4 ? ProbeResult.bad("crash", "exit code 1")
                        : ProbeResult.good("exit code 0"));

        assertThat(FlakyBisector.isIntermittent(mixed)).isTrue();
        assertThat(FlakyBisector.isIntermittent(steady)).isFalse();
    }

    @Test
    void shouldHandOverFromTheDeterministicSearchAndSaySo(@TempDir Path dir) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Probe firstRunPasses = candidate -> runs.incrementAndGet() > 1 && number(candidate.id()) >= 11
                ? ProbeResult.bad("crash", "exit code 1") : ProbeResult.good("exit code 0");
        List<String> notices = new java.util.ArrayList<>();
        Path state = dir.resolve("state.json");

        BisectResult result = FlakyBisector.builder().stateFile(state).build().runAfter(
                Bisector.builder().repeat(3).stateFile(state).build(), BuildBisection.of(builds(24)), firstRunPasses,
                notices::add);

        assertThat(notices).singleElement().asString().contains("switching to the flaky-aware search");
        assertThat(result.flaky()).isNotNull();
        assertThat(result.culprit().id()).isEqualTo("build-11");
        assertThat(BisectState.read(state).runs()).extracting(BisectState.Run::key)
                .anyMatch(key -> key.startsWith("VERIFY/")).anyMatch(key -> key.startsWith("FLAKY/"));
    }

    @Test
    void shouldLeaveASteadyFailureToTheDeterministicSearch() throws Exception {
        List<String> notices = new java.util.ArrayList<>();

        BisectResult result = FlakyBisector.builder().build().runAfter(Bisector.builder().build(),
                BuildBisection.of(builds(24)), candidate -> number(candidate.id()) >= 11
                        ? ProbeResult.bad("crash", "exit code 1") : ProbeResult.good("exit code 0"), notices::add);

        assertThat(notices).isEmpty();
        assertThat(result.flaky()).isNull();
        assertThat(result.culprit().id()).isEqualTo("build-11");
    }

    @Test
    void shouldRefuseAStateFileOfAnotherRange(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        FlakyBisector.builder().stateFile(state).maxRuns(3).build().run(BuildBisection.of(builds(9)),
                candidate -> ProbeResult.good("exit code 0"));

        assertThatThrownBy(() -> FlakyBisector.builder().stateFile(state).build().run(BuildBisection.of(builds(12)),
                candidate -> ProbeResult.good("exit code 0"))).hasMessageContaining("belongs to another bisection");
    }

    @Test
    void shouldRejectAConfidenceOutsideItsRange() {
        assertThatThrownBy(() -> FlakyBisector.builder().confidence(1.0)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> FlakyBisector.builder().maxRuns(0)).hasMessageContaining("max runs");
    }
}
