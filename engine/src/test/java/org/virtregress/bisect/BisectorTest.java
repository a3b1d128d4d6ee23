package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.storage.Json;

class BisectorTest {
    private static List<String> builds(int n) {
        return IntStream.range(0, n).mapToObj(i -> "build-" + i).toList();
    }

    private static int number(Candidate candidate) {
        return Integer.parseInt(candidate.id().substring(candidate.id().lastIndexOf('-') + 1));
    }

    /** Builds from {@code culprit} on fail with signature "crash". */
    private static Probe failingFrom(int culprit) {
        return candidate -> number(candidate) >= culprit ? ProbeResult.bad("crash", "exit code 1")
                : ProbeResult.good("exit code 0");
    }

    /** Like {@link #failingFrom} but a bad build passes with the given probability. */
    private static Probe flaky(int culprit, double passRate, Random random) {
        return candidate -> {
            boolean pass;
            synchronized (random) {
                pass = random.nextDouble() < passRate;
            }
            return number(candidate) >= culprit && !pass ? ProbeResult.bad("crash", "exit code 1")
                    : ProbeResult.good("exit code 0");
        };
    }

    private static Probe counting(Probe probe, Map<String, AtomicInteger> calls) {
        return candidate -> {
            calls.computeIfAbsent(candidate.id(), id -> new AtomicInteger()).incrementAndGet();
            return probe.probe(candidate);
        };
    }

    @Test
    void shouldFindAndConfirmTheCulpritBuild() throws Exception {
        List<ProbeRecord> progress = new ArrayList<>();

        BisectResult result = Bisector.builder().listener((probe, remaining) -> progress.add(probe)).build()
                .run(BuildBisection.of(builds(33)), failingFrom(20));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo("build-20");
        assertThat(result.probes().get(0).phase()).isEqualTo(Phase.VERIFY);
        assertThat(result.bisectionProbes()).isEqualTo(5);
        assertThat(result.confirmation()).hasSize(6).allMatch(p -> p.candidate().equals("build-19")
                ? p.verdict() == Verdict.GOOD : p.verdict() == Verdict.BAD);
        assertThat(progress).hasSize(1 + 5 + 6);
        assertThat(result.reason()).contains("confirmed");
    }

    @Test
    void shouldReportAnUnreproducibleFailureAfterTestingOnlyTheBadEnd() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        BisectResult result = Bisector.builder().repeat(3).build()
                .run(BuildBisection.of(builds(33)), counting(candidate -> ProbeResult.good("exit code 0"), calls));

        assertThat(result.outcome()).isEqualTo(Outcome.UNREPRODUCIBLE);
        assertThat(calls).containsOnlyKeys("build-32");
        assertThat(calls.get("build-32")).hasValue(3);
        assertThat(result.reason()).contains("build-32").contains("does not reproduce");
    }

    @Test
    void shouldReportAnUnconfirmedCulpritAndWhy() throws Exception {
        AtomicInteger culpritCalls = new AtomicInteger();
        Probe passesLater = candidate -> {
            if (candidate.id().equals("build-9") && culpritCalls.incrementAndGet() > 1) {
                return ProbeResult.good("exit code 0");
            }
            return failingFrom(9).probe(candidate);
        };

        BisectResult result = Bisector.builder().build().run(BuildBisection.of(builds(17)), passesLater);

        assertThat(result.outcome()).isEqualTo(Outcome.UNCONFIRMED);
        assertThat(result.culprit().id()).isEqualTo("build-9");
        assertThat(result.reason()).contains("failed only 0 of 6 probes");
    }

    @Test
    void shouldBisectAgainBelowAParentThatFailsItsConfirmation() throws Exception {
        AtomicInteger falsePasses = new AtomicInteger();
        Probe passesOnceWhenBad = candidate -> {
            if (candidate.id().equals("build-16") && falsePasses.getAndIncrement() == 0) {
                return ProbeResult.good("exit code 0");
            }
            return failingFrom(10).probe(candidate);
        };

        BisectResult result = Bisector.builder().build().run(BuildBisection.of(builds(33)), passesOnceWhenBad);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo("build-10");
        assertThat(result.confirmation()).filteredOn(p -> p.candidate().equals("build-16"))
                .extracting(ProbeRecord::verdict).containsOnly(Verdict.BAD);
    }

    @Test
    void shouldEndInconclusiveWithTheRangeWhenCandidatesCannotBeBuilt() throws Exception {
        Set<String> broken = Set.of("build-10", "build-11", "build-12");
        Probe probe = candidate -> broken.contains(candidate.id()) ? ProbeResult.skip("build failed")
                : failingFrom(11).probe(candidate);

        BisectResult result = Bisector.builder().build().run(BuildBisection.of(builds(30)), probe);

        assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.culprit()).isNull();
        assertThat(result.range()).extracting(CandidateDetails::id)
                .containsExactly("build-13", "build-12", "build-11", "build-10");
        assertThat(result.confirmation()).isEmpty();
    }

    @Test
    void shouldNeverTestTheSameTreeTwice() throws Exception {
        List<Candidate> chain = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            chain.add(new Candidate("build-" + i, i == 5 || i == 8 ? "tree-x" : "tree-" + i, "b" + i));
        }
        Set<String> badTrees = Set.of("tree-x", "tree-6", "tree-7");
        List<String> probed = new CopyOnWriteArrayList<>();
        Probe byTree = candidate -> {
            probed.add(candidate.id());
            return badTrees.contains(candidate.treeId()) ? ProbeResult.bad("crash", "") : ProbeResult.good("");
        };

        BisectResult result = Bisector.builder().confirm(0).build().run(BuildBisection.ofCandidates(chain), byTree);

        assertThat(result.culprit().id()).isEqualTo("build-5");
        assertThat(probed).doesNotContain("build-5").doesNotHaveDuplicates();
        assertThat(result.probes()).filteredOn(ProbeRecord::cached).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("build-8"));
    }

    @Test
    void shouldSkipCandidatesThatFailDifferently() throws Exception {
        Probe probe = candidate -> number(candidate) >= 10 ? ProbeResult.bad("crash in kvm_arch", "exit code 1")
                : number(candidate) >= 5 && number(candidate) <= 7 ? ProbeResult.bad("build error", "exit code 2")
                : ProbeResult.good("");

        BisectResult plain = Bisector.builder().confirm(0).build().run(BuildBisection.of(builds(16)), probe);
        BisectResult checked = Bisector.builder().sameFailure(true).build().run(BuildBisection.of(builds(16)), probe);

        assertThat(plain.culprit().id()).isEqualTo("build-5");
        assertThat(plain.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(checked.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(checked.culprit().id()).isEqualTo("build-10");
        assertThat(checked.expectedSignature()).isEqualTo("crash in kvm_arch");
        assertThat(checked.probes()).filteredOn(p -> p.verdict() == Verdict.SKIP).isNotEmpty()
                .allMatch(p -> p.reason().contains("failed differently: build error"));
    }

    @Test
    void shouldStopRepeatingAtTheFirstFailureAndRequireEveryRunToPass() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        BisectResult result = Bisector.builder().repeat(3).confirm(0).build()
                .run(BuildBisection.of(builds(9)), counting(failingFrom(4), calls));

        assertThat(result.culprit().id()).isEqualTo("build-4");
        result.probes().forEach(p -> assertThat(p.runs()).isEqualTo(p.verdict() == Verdict.BAD ? 1 : 3));
    }

    @Test
    void shouldCallMixedRunsWeakWhenRunsMustAgree() throws Exception {
        AtomicInteger flips = new AtomicInteger();
        Probe probe = candidate -> number(candidate) == 4 ? (flips.incrementAndGet() % 2 == 0
                ? ProbeResult.bad("crash", "") : ProbeResult.good("")) : failingFrom(4).probe(candidate);

        BisectResult result = Bisector.builder().repeat(2).failureWins(false).confirm(0).build()
                .run(BuildBisection.of(builds(9)), probe);

        assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.probes()).filteredOn(p -> p.candidate().equals("build-4")).singleElement()
                .satisfies(p -> {
                    assertThat(p.verdict()).isEqualTo(Verdict.WEAK);
                    assertThat(p.runs()).isEqualTo(4);
                    assertThat(p.reason()).contains("runs disagree");
                });
        assertThat(result.range()).extracting(CandidateDetails::id).containsExactly("build-5", "build-4");
    }

    @Test
    void shouldAbortWhenTheProbeSaysSo() throws Exception {
        Probe probe = candidate -> {
            if (number(candidate) == 16) {
                throw new ProbeAbortedException("exit code 129 on " + candidate.id());
            }
            return failingFrom(3).probe(candidate);
        };

        BisectResult result = Bisector.builder().build().run(BuildBisection.of(builds(33)), probe);

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.reason()).contains("exit code 129 on build-16");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void shouldResumeAfterAKillWithoutRepeatingAProbe(int k, @TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        BisectRange range = BuildBisection.of(builds(200));
        Map<String, AtomicInteger> reference = new ConcurrentHashMap<>();
        BisectResult expected = Bisector.builder().probes(k).repeat(2).confirm(2).build()
                .run(range, counting(failingFrom(77), reference));
        int total = reference.values().stream().mapToInt(AtomicInteger::get).sum();
        AtomicInteger beforeKill = new AtomicInteger();
        Probe dying = candidate -> {
            if (beforeKill.incrementAndGet() > 7) {
                throw new IllegalStateException("killed");
            }
            return failingFrom(77).probe(candidate);
        };
        assertThatThrownBy(() -> Bisector.builder().probes(k).repeat(2).confirm(2).stateFile(state).build()
                .run(range, dying))
                .hasMessage("killed");
        assertThat(BisectState.read(state).runs()).hasSize(7);

        Map<String, AtomicInteger> resumed = new ConcurrentHashMap<>();
        BisectResult result = Bisector.builder().probes(k).repeat(2).confirm(2).stateFile(state).build()
                .run(range, counting(failingFrom(77), resumed));

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit()).isEqualTo(expected.culprit());
        assertThat(result.probes()).extracting(ProbeRecord::candidate, ProbeRecord::verdict)
                .isEqualTo(expected.probes().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.candidate(), p.verdict())).toList());
        assertThat(resumed.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(total - 7);
        assertThat(BisectState.read(state).runs()).hasSize(total);
    }

    @Test
    void shouldRefuseAStateFileOfAnotherBisection(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Bisector.builder().stateFile(state).build().run(BuildBisection.of(builds(10)), failingFrom(5));

        assertThatThrownBy(() -> Bisector.builder().stateFile(state).build()
                .run(BuildBisection.of(builds(12)), failingFrom(5)))
                .hasMessageContaining(state.toString()).hasMessageContaining("another bisection");
    }

    private static BisectQuestion question(String... argv) {
        return new BisectQuestion("/srv/repo", List.of("src"), false, List.of(argv), java.time.Duration.ofMinutes(5));
    }

    @Test
    void shouldRefuseAStateFileOfAnotherTestCommandAndSayWhatDiffers(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        BisectRange range = BuildBisection.of(builds(10));
        Bisector.builder().stateFile(state).question(question("./old-test.sh")).build().run(range, failingFrom(5));

        assertThatThrownBy(() -> Bisector.builder().stateFile(state).question(question("./new-test.sh")).repeat(3)
                .build().run(range, failingFrom(7)))
                .isInstanceOfSatisfying(BisectStateMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("test command: [./old-test.sh] in the state file, [./new-test.sh] now",
                                "repeat: 1 in the state file, 3 now"))
                .hasMessageContaining("state file " + state + " belongs to another bisection")
                .hasMessageContaining("give another state file, or delete " + state + " to start afresh");
    }

    @Test
    void shouldRefuseAStateFileWhoseRangeOrRulesDiffer(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        BisectRange range = BuildBisection.of(builds(10));
        Bisector.builder().stateFile(state).question(question("./t.sh")).build().run(range, failingFrom(5));
        BisectFingerprint recorded = BisectState.read(state).fingerprint();

        BisectFingerprint other = Bisector.builder().sameFailure(true).failureWins(false).confirm(1)
                .question(new BisectQuestion("/srv/other", List.of(), true, List.of("./t.sh"),
                        java.time.Duration.ofMinutes(1)))
                .build().fingerprint(range);

        assertThat(recorded.differences(other)).containsExactly(
                "repository: /srv/repo in the state file, /srv/other now",
                "paths: [src] in the state file, [] now",
                "first parent: false in the state file, true now",
                "timeout: 5m in the state file, 1m now",
                "runs must agree: false in the state file, true now",
                "same failure: false in the state file, true now",
                "confirmation probes: 3 in the state file, 1 now");
        assertThat(recorded.differences(Bisector.builder().question(question("./t.sh")).probes(4).build()
                .fingerprint(range))).as("probes per round change no verdict").isEmpty();
    }

    @Test
    void shouldResumeWithMoreProbesPerRoundAndStartAfreshWithoutAFile(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        BisectRange range = BuildBisection.of(builds(30));
        Bisector first = Bisector.builder().stateFile(state).question(question("./t.sh")).build();
        assertThat(BisectState.resume(state, first.fingerprint(range))).isEmpty();
        first.run(range, failingFrom(11));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        Bisector second = Bisector.builder().stateFile(state).question(question("./t.sh")).probes(3).build();
        assertThat(BisectState.resume(state, second.fingerprint(range))).get()
                .satisfies(s -> assertThat(s.runs()).isNotEmpty());
        BisectResult result = second.run(range, counting(failingFrom(11), calls));

        assertThat(result.culprit().id()).isEqualTo("build-11");
        assertThat(result.confirmation()).allSatisfy(r -> assertThat(r.reason()).endsWith("(from the state file)"));
        assertThat(calls).as("only candidates the first run never chose run again").doesNotContainKeys(
                "build-10", "build-11");
    }

    @Test
    void shouldRefuseAStateFileWrittenWithoutAFingerprint(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{\"format\":1,\"goods\":[\"build-0\"],\"bad\":\"build-9\",\"candidates\":9,"
                + "\"runs\":[{\"key\":\"VERIFY/build-9/1/0\",\"verdict\":\"BAD\",\"duration\":1.0}]}");

        assertThatThrownBy(() -> Bisector.builder().stateFile(state).build()
                .run(BuildBisection.of(builds(10)), failingFrom(5)))
                .isInstanceOf(BisectStateMismatchException.class)
                .hasMessageContaining("written by an earlier virt-regress (format 1)")
                .hasMessageContaining("does not record the test command")
                .hasMessageContaining("delete " + state + " to start afresh");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void shouldRunKProbesAtOnce(int k) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Probe slow = candidate -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(30);
            running.decrementAndGet();
            return failingFrom(613).probe(candidate);
        };

        BisectResult result = Bisector.builder().probes(k).confirm(1).build().run(BuildBisection.of(builds(1000)), slow);

        assertThat(result.culprit().id()).isEqualTo("build-613");
        assertThat(most.get()).isEqualTo(k);
        assertThat(result.rounds()).isLessThanOrEqualTo((int) Math.ceil(Math.log(999) / Math.log(k + 1)) + 1);
        assertThat(result.probesPerRound()).isEqualTo(k);
    }

    @Test
    void shouldBeRightDespiteABadBuildPassingOneRunInTen() throws Exception {
        int trials = 100;
        int correctPlain = 0;
        int correctConfirmed = 0;
        int wrongConfirmed = 0;
        Random random = new Random(2024);
        for (int trial = 0; trial < trials; trial++) {
            int culprit = 1 + random.nextInt(998);
            BisectRange range = BuildBisection.of(builds(1000));
            BisectResult plain = Bisector.builder().confirm(0).checkBadEnd(false).build()
                    .run(range, flaky(culprit, 0.1, new Random(trial)));
            BisectResult repeated = Bisector.builder().repeat(3).confirm(3).build()
                    .run(range, flaky(culprit, 0.1, new Random(trial)));
            String expected = "build-" + culprit;
            correctPlain += plain.culprit() != null && plain.culprit().id().equals(expected) ? 1 : 0;
            if (repeated.outcome() == Outcome.COMPLETE) {
                if (repeated.culprit().id().equals(expected)) {
                    correctConfirmed++;
                } else {
                    wrongConfirmed++;
                }
            }
        }
        assertThat(wrongConfirmed).isZero();
        assertThat(correctConfirmed).isGreaterThanOrEqualTo(97);
        assertThat(correctPlain).isLessThan(80);
    }

    @Test
    void shouldWriteAResultThatReadsBackFromJson(@TempDir Path dir) throws Exception {
        BisectResult result = Bisector.builder().build().run(BuildBisection.of(builds(20)), failingFrom(7));
        Path file = dir.resolve("bisect.json");

        Json.writeAtomically(file, result);
        BisectResult read = Json.mapper().readValue(Files.readAllBytes(file), BisectResult.class);

        assertThat(read.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(read.culprit()).isEqualTo(result.culprit());
        assertThat(read.probes()).isEqualTo(result.probes());
        assertThat(Collections.frequency(read.probes().stream().map(ProbeRecord::phase).toList(), Phase.VERIFY))
                .isEqualTo(1);
    }
}
