package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitGraphTest {
    @Test
    void shouldCollectTheCommitsBetweenGoodAndBadNewestFirst(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            List<String> ids = TestHistory.linear(history, 10);

            BisectRange range = graph.range(List.of(ids.get(2)), "main", List.of(), false);

            assertThat(range.bad()).isEqualTo(ids.get(9));
            assertThat(range.goods()).containsExactly(ids.get(2));
            assertThat(range.candidates()).extracting(Candidate::id)
                    .containsExactly(ids.get(9), ids.get(8), ids.get(7), ids.get(6), ids.get(5), ids.get(4), ids.get(3));
            assertThat(range.parents().get(ids.get(3))).containsExactly(ids.get(2));
            assertThat(range.candidate(ids.get(5)).orElseThrow().label()).isEqualTo("commit 5");
            assertThat(range.candidate(ids.get(5)).orElseThrow().treeId()).hasSize(40);
        }
    }

    @Test
    void shouldExcludeWhatAnyGoodRevisionReaches(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            String root = history.commit("root", Map.of("a", "1"), List.of());
            String left = history.commit("left", Map.of("l", "1"), List.of(root));
            String right = history.commit("right", Map.of("r", "1"), List.of(root));
            String merge = history.commit("merge", Map.of("m", "1"), List.of(left, right));
            String top = history.commit("top", Map.of("t", "1"), List.of(merge));

            BisectRange range = graph.range(List.of(left, right), top, List.of(), false);

            assertThat(range.candidates()).extracting(Candidate::id).containsExactly(top, merge);
        }
    }

    @Test
    void shouldFollowOnlyFirstParentsWhenAsked(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            String root = history.commit("root", Map.of("a", "1"), List.of());
            String side = history.commit("side", Map.of("s", "1"), List.of(root));
            String main = history.commit("main", Map.of("m", "1"), List.of(root));
            String merge = history.commit("merge", Map.of("x", "1"), List.of(main, side));

            BisectRange all = graph.range(List.of(root), merge, List.of(), false);
            BisectRange first = graph.range(List.of(root), merge, List.of(), true);

            assertThat(all.candidates()).hasSize(3);
            assertThat(first.candidates()).extracting(Candidate::id).containsExactly(merge, main);
            assertThat(first.parents().get(merge)).containsExactly(main);
        }
    }

    @Test
    void shouldLimitCandidatesToCommitsTouchingThePaths(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            String root = history.commit("root", Map.of("README", "1"), List.of());
            String kvm1 = history.commit("kvm 1", Map.of("arch/x86/kvm/x.c", "1"), List.of(root));
            String doc = history.commit("doc", Map.of("docs/a", "1"), List.of(kvm1));
            String kvm2 = history.commit("kvm 2", Map.of("arch/x86/kvm/x.c", "2"), List.of(doc));
            String top = history.commit("doc 2", Map.of("docs/a", "2"), List.of(kvm2));

            BisectRange range = graph.range(List.of(root), top, List.of("arch/x86/kvm"), false);

            assertThat(range.candidates()).extracting(Candidate::id).containsExactly(top, kvm2, kvm1);
            assertThat(range.parents().get(kvm2)).containsExactly(kvm1);
            assertThat(range.parents().get(top)).containsExactly(kvm2);
            assertThat(graph.parentsOf(kvm2)).extracting(Candidate::id).containsExactly(doc);
        }
    }

    @Test
    void shouldDescribeACommitForTheReport(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            String root = history.commit("root", Map.of("a", "1"), List.of());
            String change = history.commit("kvm: fix the world\n\nLonger text.", Map.of("b/c", "1", "a", "2"),
                    List.of(root));

            CandidateDetails details = graph.describe(change);

            assertThat(details.author()).isEqualTo("Ada Tester <ada@example.org>");
            assertThat(details.date()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
            assertThat(details.subject()).isEqualTo("kvm: fix the world");
            assertThat(details.filesChanged()).containsExactly("a", "b/c");
        }
    }

    @Test
    void shouldSuggestSwappingWhenTheGoodRevisionDescendsFromTheBadOne(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            List<String> ids = TestHistory.linear(history, 5);

            assertThatThrownBy(() -> graph.range(List.of(ids.get(4)), ids.get(1), List.of(), false))
                    .isInstanceOf(BisectRangeException.class)
                    .hasMessageContaining("not an ancestor").hasMessageContaining("Did you swap them?")
                    .hasMessageContaining("--good " + ids.get(1) + " --bad " + ids.get(4));
        }
    }

    @Test
    void shouldNameTheMergeBaseWhenTheRevisionsDiverged(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir); CommitGraph graph = CommitGraph.open(dir)) {
            String root = history.commit("root", Map.of("a", "1"), List.of());
            String left = history.commit("left", Map.of("l", "1"), List.of(root));
            String right = history.commit("right", Map.of("r", "1"), List.of(root));

            assertThatThrownBy(() -> graph.range(List.of(left), right, List.of(), false))
                    .hasMessageContaining("diverged").hasMessageContaining(root);
        }
    }

    @Test
    void shouldRejectUnknownRevisionsAndRepositories(@TempDir Path dir) throws Exception {
        try (TestHistory history = TestHistory.create(dir.resolve("repo"));
             CommitGraph graph = CommitGraph.open(dir.resolve("repo"))) {
            List<String> ids = TestHistory.linear(history, 3);

            assertThatThrownBy(() -> graph.range(List.of("v0.0-nope"), "main", List.of(), false))
                    .hasMessageContaining("unknown revision 'v0.0-nope'");
            assertThatThrownBy(() -> graph.range(List.of(ids.get(2)), "main", List.of(), false))
                    .hasMessageContaining("same commit");
        }
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> CommitGraph.open(plain)).isInstanceOf(BisectRangeException.class)
                .hasMessageContaining("not a git repository");
    }
}
