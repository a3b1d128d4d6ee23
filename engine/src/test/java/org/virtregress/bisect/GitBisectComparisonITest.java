package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bisects the same generated histories as the real {@code git bisect run} and compares the answers. */
class GitBisectComparisonITest {
    private static BisectResult ours(TestHistory history, String good, String bad, String culprit,
                                     Set<String> untestable, List<String> paths, boolean firstParent, int k)
            throws Exception {
        try (CommitGraph graph = CommitGraph.open(history.directory())) {
            BisectRange range = graph.range(List.of(good), bad, paths, firstParent);
            Probe probe = history.predicate(culprit, untestable);
            return Bisector.builder().probes(k).confirm(0).build().run(range, probe);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 98})
    void shouldFindTheSameCulpritAsGitOnALinearHistoryWithNoMoreProbes(int position, @TempDir Path dir)
            throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = TestHistory.linear(history, 100);
            String culprit = ids.get(position);
            RealGitBisect.Answer git = RealGitBisect.run(history.directory(), dir, ids.get(0), ids.get(99), culprit,
                    Set.of(), List.of(), false);

            BisectResult ours = ours(history, ids.get(0), ids.get(99), culprit, Set.of(), List.of(), false, 1);

            assertThat(git.culprit()).as(git.output()).isEqualTo(culprit);
            assertThat(ours.outcome()).isEqualTo(Outcome.COMPLETE);
            assertThat(ours.culprit().id()).isEqualTo(culprit);
            assertThat(ours.bisectionProbes()).isLessThanOrEqualTo(git.probes());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldFindTheSameCulpritAsGitOnAMergeHeavyHistoryWithNoMoreProbes(long seed, @TempDir Path dir)
            throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> all = TestHistory.mergeHeavy(history, 40, seed);
            String good = all.get(0);
            String bad = all.get(all.size() - 1);
            String culprit = all.get(1 + new Random(seed).nextInt(all.size() - 2));
            RealGitBisect.Answer git = RealGitBisect.run(history.directory(), dir, good, bad, culprit, Set.of(),
                    List.of(), false);

            BisectResult ours = ours(history, good, bad, culprit, Set.of(), List.of(), false, 1);

            assertThat(git.culprit()).as(git.output()).isEqualTo(culprit);
            assertThat(ours.culprit().id()).isEqualTo(culprit);
            assertThat(ours.bisectionProbes()).isLessThanOrEqualTo(git.probes());
        }
    }

    @Test
    void shouldBlameTheMergeLikeGitWhenFollowingTheFirstParent(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> all = TestHistory.mergeHeavy(history, 30, 11);
            String good = all.get(0);
            String bad = all.get(all.size() - 1);
            String culprit = all.get(all.size() / 2 + 1);
            RealGitBisect.Answer git = RealGitBisect.run(history.directory(), dir, good, bad, culprit, Set.of(),
                    List.of(), true);

            BisectResult ours = ours(history, good, bad, culprit, Set.of(), List.of(), true, 1);

            assertThat(git.culprit()).as(git.output()).isNotNull();
            assertThat(ours.culprit().id()).isEqualTo(git.culprit());
            assertThat(ours.bisectionProbes()).isLessThanOrEqualTo(git.probes());
        }
    }

    @Test
    void shouldFindAPathLimitedCulpritLikeGit(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            String last = history.commit("root", Map.of("README", "root"), List.of());
            String good = last;
            String culprit = null;
            for (int i = 0; i < 120; i++) {
                String path = i % 3 == 0 ? "arch/x86/kvm/file" + i : "docs/page" + i;
                last = history.commit("change " + i, Map.of(path, "v" + i), List.of(last));
                if (i == 63) {
                    culprit = last;
                }
            }
            history.setBranch("main", last);
            RealGitBisect.Answer git = RealGitBisect.run(history.directory(), dir, good, last, culprit, Set.of(),
                    List.of("arch/x86/kvm"), false);

            BisectResult ours = ours(history, good, last, culprit, Set.of(), List.of("arch/x86/kvm"), false, 1);

            assertThat(git.culprit()).as(git.output()).isEqualTo(culprit);
            assertThat(ours.culprit().id()).isEqualTo(culprit);
            assertThat(ours.culprit().filesChanged()).containsExactly("arch/x86/kvm/file63");
            assertThat(ours.candidates()).isEqualTo(41);
            assertThat(ours.bisectionProbes()).isLessThanOrEqualTo(git.probes());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void shouldEndWithARangeHoldingTheCulpritWhereGitCannotBisectUntestableCommits(int shift, @TempDir Path dir)
            throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = TestHistory.linear(history, 80);
            String culprit = ids.get(40 + shift);
            Set<String> untestable = Set.of(ids.get(39), ids.get(40), ids.get(41), ids.get(42));
            RealGitBisect.Answer git = RealGitBisect.run(history.directory(), dir, ids.get(0), ids.get(79), culprit,
                    untestable, List.of(), false);

            BisectResult ours = ours(history, ids.get(0), ids.get(79), culprit, untestable, List.of(), false, 1);

            assertThat(git.range()).as(git.output()).contains(culprit);
            if (shift < 2 || git.culprit() == null) {
                assertThat(ours.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
                assertThat(ours.range()).extracting(CandidateDetails::id).contains(culprit)
                        .containsExactlyInAnyOrderElementsOf(git.range());
            }
            assertThat(ours.probes().stream().filter(p -> p.phase() == Phase.BISECT).count())
                    .isLessThanOrEqualTo(git.probes());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void shouldFindTheSameCulpritInFewerRoundsWithSeveralProbesPerRound(int k, @TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> all = TestHistory.mergeHeavy(history, 60, 21);
            String good = all.get(0);
            String bad = all.get(all.size() - 1);
            String culprit = all.get(all.size() / 3);

            BisectResult single = ours(history, good, bad, culprit, Set.of(), List.of(), false, 1);
            BisectResult parallel = ours(history, good, bad, culprit, Set.of(), List.of(), false, k);

            assertThat(parallel.culprit().id()).isEqualTo(culprit).isEqualTo(single.culprit().id());
            assertThat(parallel.rounds()).isLessThan(single.rounds());
            assertThat(parallel.rounds()).isLessThanOrEqualTo(
                    (int) Math.ceil(Math.log(parallel.candidates()) / Math.log(k + 1)) + 2);
            assertThat(Files.exists(dir)).isTrue();
        }
    }
}
