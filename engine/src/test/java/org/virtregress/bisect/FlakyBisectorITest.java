package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finds the culprit of a seeded flaky test command on real git histories, in real worktrees. */
class FlakyBisectorITest {
    /**
     * A test command that fails with probability q (in percent) once the culprit's file exists and f
     * otherwise; the outcome of the k-th run of a commit is a hash of the seed, the commit and k.
     */
    private static List<String> flakyCommand(Path counts, String culpritFile, long seed, int q, int f) {
        String script = "c=$VIRT_REGRESS_COMMIT; d=\"$1\"; k=$(cat \"$d/$c\" 2>/dev/null || echo 0);"
                + " echo $((k + 1)) > \"$d/$c\";"
                + " h=$(printf '%s' \"" + seed + ":$c:$k\" | cksum | cut -d' ' -f1); r=$((h % 100));"
                + " if [ -e " + culpritFile + " ]; then [ $r -lt " + q + " ] && exit 1; exit 0; fi;"
                + " [ $r -lt " + f + " ] && exit 1; exit 0";
        return List.of("sh", "-c", script, "flaky-test", counts.toString());
    }

    @Test
    void shouldFindThePlantedCulpritOfAFlakyCommandOnALinearHistory(@TempDir Path dir) throws Exception {
        Path counts = Files.createDirectories(dir.resolve("counts"));
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = TestHistory.linear(history, 40);
            try (CommitGraph graph = CommitGraph.open(history.directory());
                 CommandProbe probe = CommandProbe.builder(history.directory(), flakyCommand(counts, "f23", 11, 50, 2))
                         .workRoot(dir.resolve("work")).build()) {
                BisectRange range = graph.range(List.of(ids.get(0)), ids.get(39), List.of(), true);

                BisectResult result = FlakyBisector.builder().probes(2).stateFile(dir.resolve("state.json")).build()
                        .run(range, probe);

                assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.COMPLETE);
                assertThat(result.culprit().id()).isEqualTo(ids.get(23));
                assertThat(result.culprit().subject()).isEqualTo("commit 23");
                assertThat(result.flaky().introduced()).isGreaterThanOrEqualTo(0.99);
                assertThat(BisectState.read(dir.resolve("state.json")).runs()).hasSize(result.testRuns());
            }
        }
    }

    @Test
    void shouldBlameTheMergeThatBringsTheCulpritInOnTheFirstParentChain(@TempDir Path dir) throws Exception {
        Path counts = Files.createDirectories(dir.resolve("counts"));
        try (TestHistory history = TestHistory.create(dir.resolve("repo"))) {
            List<String> main = TestHistory.linear(history, 12);
            String side = history.commit("side: add bug", java.util.Map.of("bug", "1"), List.of(main.get(5)));
            String merge = history.commit("merge side", java.util.Map.of(), List.of(main.get(11), side));
            String tip = history.commit("after the merge", java.util.Map.of("after", "1"), List.of(merge));
            history.setBranch("main", tip);
            try (CommitGraph graph = CommitGraph.open(history.directory());
                 CommandProbe probe = CommandProbe.builder(history.directory(), flakyCommand(counts, "bug", 3, 70, 0))
                         .workRoot(dir.resolve("work")).build()) {
                BisectRange range = graph.range(List.of(main.get(0)), tip, List.of(), true);

                BisectResult result = FlakyBisector.builder().build().run(range, probe);

                assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.COMPLETE);
                assertThat(result.culprit().id()).isEqualTo(merge);
            }
        }
    }
}
