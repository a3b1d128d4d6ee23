package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/** Runs commands in real git worktrees and maps their exit codes like {@code git bisect run}. */
class CommandProbeITest {
    private static String git(Path repo, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-C", repo.toString()));
        argv.addAll(List.of(args));
        CommandResult result = new ProcessRunner().run(Command.of(argv).build(), OutputListener.NONE);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    /** Commits whose file "code" holds the given exit codes, in order; the repository is checked out. */
    private static List<String> history(TestHistory history, int... codes) throws Exception {
        List<String> ids = new ArrayList<>();
        String last = null;
        for (int i = 0; i < codes.length; i++) {
            last = history.commit("commit " + i, Map.of("code", Integer.toString(codes[i]), "n", Integer.toString(i)),
                    last == null ? List.of() : List.of(last));
            ids.add(last);
        }
        history.setBranch("main", last);
        git(history.directory(), "reset", "--quiet", "--hard");
        return ids;
    }

    private static Candidate candidate(String id) {
        return new Candidate(id, null, "");
    }

    @Test
    void shouldMapExitCodesLikeGitBisectRun(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 1, 125, 42, 127, 130);
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("sh", "-c", "exit $(cat code)"))
                    .workRoot(dir.resolve("work")).build()) {
                assertThat(probe.probe(candidate(ids.get(0))).verdict()).isEqualTo(Verdict.GOOD);
                assertThat(probe.probe(candidate(ids.get(1))).failureSignature()).isEqualTo("exit code 1");
                assertThat(probe.probe(candidate(ids.get(2))).verdict()).isEqualTo(Verdict.SKIP);
                ProbeResult bad = probe.probe(candidate(ids.get(3)));
                assertThat(bad.verdict()).isEqualTo(Verdict.BAD);
                assertThat(bad.reason()).isEqualTo("exit code 42");
                assertThat(Path.of(bad.logRef())).exists();
                assertThat(probe.probe(candidate(ids.get(4))).verdict()).isEqualTo(Verdict.BAD);
                assertThatThrownBy(() -> probe.probe(candidate(ids.get(5)))).isInstanceOf(ProbeAbortedException.class)
                        .hasMessageContaining("exit code 130");
                assertThat(probe.worktrees()).hasSize(1);
            }
        }
    }

    @Test
    void shouldRemoveTheWorktreesOfKilledProbesButNoOthers(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 1);
            // what a probe killed with SIGKILL leaves: its worktree registered, its lock file unheld
            Path dead = dir.resolve("virt-regress-bisect-dead").resolve("worktree-1");
            git(repo.directory(), "worktree", "add", "--quiet", "--detach", dead.toString(), ids.get(0));
            Files.writeString(dead.getParent().resolve(CommandProbe.OWNER_LOCK), "");
            // and one whose temporary directory was cleaned up since
            Path gone = dir.resolve("virt-regress-bisect-gone").resolve("worktree-1");
            git(repo.directory(), "worktree", "add", "--quiet", "--detach", gone.toString(), ids.get(0));
            git(repo.directory(), "worktree", "add", "--quiet", "--detach", dir.resolve("mine").toString(), ids.get(0));
            new ProcessRunner().run(Command.of("rm", "-rf", gone.getParent().toString()).build(), OutputListener.NONE);

            try (CommandProbe live = CommandProbe.builder(repo.directory(), List.of("true"))
                    .workRoot(dir.resolve("virt-regress-bisect-live")).build()) {
                assertThat(live.prunedWorktrees()).containsExactlyInAnyOrder(dead, gone);
                live.probe(candidate(ids.get(1)));
                try (CommandProbe next = CommandProbe.builder(repo.directory(), List.of("true"))
                        .workRoot(dir.resolve("virt-regress-bisect-next")).build()) {
                    assertThat(next.prunedWorktrees()).as("the live probe's worktree stays").isEmpty();
                    assertThat(git(repo.directory(), "worktree", "list", "--porcelain"))
                            .contains("worktree " + live.worktrees().get(0))
                            .contains("worktree " + dir.resolve("mine"))
                            .doesNotContain(dead.toString()).doesNotContain(gone.toString());
                    assertThat(dead).doesNotExist();
                }
            }
        }
    }

    @Test
    void shouldRunInTheCandidatesOwnWorktreeWithItsCommitInTheEnvironment(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 0);
            String script = "test \"$VIRT_REGRESS_COMMIT\" = \"$(git rev-parse HEAD)\" && test \"$(cat n)\" = 0";
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("sh", "-c", script))
                    .workRoot(dir.resolve("work")).build()) {
                assertThat(probe.probe(candidate(ids.get(0))).verdict()).isEqualTo(Verdict.GOOD);
                assertThat(probe.probe(candidate(ids.get(1))).verdict()).isEqualTo(Verdict.BAD);
            }
        }
    }

    @Test
    void shouldSkipACandidateWhoseCommandHangs(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0);
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("sleep", "30"))
                    .timeout(Duration.ofMillis(500)).workRoot(dir.resolve("work")).build()) {
                ProbeResult result = probe.probe(candidate(ids.get(0)));

                assertThat(result.verdict()).isEqualTo(Verdict.SKIP);
                assertThat(result.reason()).contains("timed out");
                assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void shouldAbortWhenTheCommandDoesNotExist(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0);
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("no-such-test-program"))
                    .workRoot(dir.resolve("work")).build()) {
                assertThatThrownBy(() -> probe.probe(candidate(ids.get(0)))).isInstanceOf(ProbeAbortedException.class)
                        .hasMessageContaining("no-such-test-program");
            }
        }
    }

    private static long worktreeCount(Path repo) throws Exception {
        return git(repo, "worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")).count();
    }

    @Test
    void shouldProbeInThePreparedWorktreeAndRemoveItOnClose(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 3);
            Path work = dir.resolve("work");
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("sh", "-c", "exit $(cat code)"))
                    .workRoot(work).build()) {
                probe.prepare(ids.get(1));

                assertThat(probe.probe(candidate(ids.get(1))).reason()).isEqualTo("exit code 3");
                assertThat(probe.probe(candidate(ids.get(0))).verdict()).isEqualTo(Verdict.GOOD);
                assertThat(probe.worktrees()).containsExactly(work.resolve("worktree-1"));
            }
            assertThat(worktreeCount(repo.directory())).isEqualTo(1);
            assertThat(work.resolve("worktree-1")).doesNotExist();
        }
    }

    @Test
    void shouldRemoveAPreparedWorktreeThatNoProbeUsed(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 1);
            Path work = dir.resolve("work");
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("true")).workRoot(work).build()) {
                probe.prepare(ids.get(1));
            }
            assertThat(worktreeCount(repo.directory())).isEqualTo(1);
            assertThat(work.resolve("worktree-1")).doesNotExist();
        }
    }

    @Test
    void shouldAddItsOwnWorktreeWhenPreparingOneFailed(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            List<String> ids = history(repo, 0, 1);
            try (CommandProbe probe = CommandProbe.builder(repo.directory(), List.of("sh", "-c", "exit $(cat code)"))
                    .workRoot(dir.resolve("work")).build()) {
                probe.prepare("0123456789012345678901234567890123456789");

                assertThat(probe.probe(candidate(ids.get(1))).verdict()).isEqualTo(Verdict.BAD);
                assertThat(probe.worktrees()).hasSize(1);
            }
            assertThat(worktreeCount(repo.directory())).isEqualTo(1);
        }
    }

    @Test
    void shouldBisectInParallelWorktreesWithoutTouchingTheUsersCheckout(@TempDir Path dir) throws Exception {
        try (TestHistory repo = TestHistory.create(dir.resolve("repo"))) {
            int[] codes = new int[24];
            for (int i = 15; i < codes.length; i++) {
                codes[i] = 1;
            }
            List<String> ids = history(repo, codes);
            Path user = repo.directory();
            Files.writeString(user.resolve("n"), "edited by the user");
            Files.writeString(user.resolve("untracked"), "mine");
            String statusBefore = git(user, "status", "--porcelain");
            Path work = dir.resolve("work");

            BisectResult result;
            try (CommitGraph graph = CommitGraph.open(user);
                 CommandProbe probe = CommandProbe.builder(user, List.of("sh", "-c", "exit $(cat code)"))
                         .workRoot(work).build()) {
                result = Bisector.builder().probes(2).confirm(1).build()
                        .run(graph.range(List.of(ids.get(0)), "main", List.of(), false), probe);
                assertThat(probe.worktrees()).hasSize(2);
            }

            assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
            assertThat(result.culprit().id()).isEqualTo(ids.get(15));
            assertThat(result.culprit().filesChanged()).containsExactly("code", "n");
            assertThat(git(user, "status", "--porcelain")).isEqualTo(statusBefore);
            assertThat(Files.readString(user.resolve("n"))).isEqualTo("edited by the user");
            assertThat(git(user, "rev-parse", "HEAD").strip()).isEqualTo(ids.get(23));
            assertThat(git(user, "worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")))
                    .hasSize(1);
            try (var entries = Files.list(work)) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("logs");
            }
        }
    }
}
