package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Outcome;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import org.virtregress.storage.Json;
import picocli.CommandLine;

/** Runs {@code virt-regress bisect} on real git repositories with a real command. */
class BisectCommandITest {
    /** What one run of the command line printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run bisect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("bisect"));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** A checked-out repository of 20 commits; file "code" holds 1 from commit {@code culprit} on. */
    private static List<String> repository(Path dir, int culprit) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (int i = 0; i < 20; i++) {
                Files.writeString(dir.resolve("code"), i >= culprit ? "1" : "0");
                Files.writeString(dir.resolve("n" + i), "change " + i);
                git.add().addFilepattern(".").call();
                PersonIdent ident = new PersonIdent("Ada Tester", "ada@example.org",
                        Date.from(Instant.parse("2024-03-01T10:00:00Z").plusSeconds(60L * i)), TimeZone.getTimeZone("UTC"));
                ids.add(git.commit().setMessage("change " + i).setAuthor(ident).setCommitter(ident).setSign(false)
                        .call().name());
            }
        }
        return ids;
    }

    @Test
    void shouldPrintProgressAndTheConfirmedCulprit(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 13);
        Path report = dir.resolve("report");

        Run run = bisect("--repo", dir.resolve("repo").toString(), "--good", ids.get(0), "--bad", "main",
                "--probes", "2", "--confirm", "2", "--report", report.toString(), "--", "sh", "-c", "exit $(cat code)");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Bisecting 19 candidates").contains("[bad end ]").contains("[round 1  ]")
                .contains("[confirm ]")
                .contains("First bad commit: " + ids.get(13)).contains("Author: Ada Tester <ada@example.org>")
                .contains("Date: 2024-03-01T10:13:00Z").contains("Subject: change 13")
                .contains("Files changed:\n  code\n  n13").contains("Outcome: COMPLETE");
        BisectResult result = Json.mapper().readValue(report.resolve("bisect.json").toFile(), BisectResult.class);
        assertThat(result.culprit().id()).isEqualTo(ids.get(13));
        assertThat(run.out()).contains("Report: " + report.resolve("report.html"));
        RegressionReport written = ReportJson.read(report.resolve("report.json"));
        assertThat(written.commitBisection().culprit().hash()).isEqualTo(ids.get(13));
        assertThat(written.commitBisection().probes()).isNotEmpty();
        assertThat(Files.readString(report.resolve("report.html"))).contains(ids.get(13).substring(0, 12))
                .contains("change 13");
        assertThat(Files.readString(report.resolve("report.txt"))).contains(ids.get(13).substring(0, 12));
        StringWriter rendered = new StringWriter();
        CommandLine reportCli = VirtRegressCommand.commandLine();
        reportCli.setOut(new PrintWriter(rendered));
        assertThat(reportCli.execute("report", "--input", report.resolve("report.json").toString(), "--html",
                dir.resolve("again.html").toString(), "--text")).isZero();
        assertThat(rendered.toString()).contains(ids.get(13).substring(0, 12));
        assertThat(dir.resolve("again.html")).content().isEqualTo(Files.readString(report.resolve("report.html")));
        assertThat(result.probesPerRound()).isEqualTo(2);
        assertThat(result.probes()).allSatisfy(p -> assertThat(Path.of(p.logRef())).exists());
    }

    @Test
    void shouldResumeFromTheStateFileWithoutRunningTheCommandAgain(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 7);
        Path counter = dir.resolve("runs");
        Files.writeString(counter, "");
        String script = "echo run >> '" + counter + "'; exit $(cat code)";
        String[] args = {"--repo", dir.resolve("repo").toString(), "--good", ids.get(0), "--bad", ids.get(19),
            "--state", dir.resolve("state.json").toString(), "--", "sh", "-c", script};

        Run first = bisect(args);
        long runs = Files.readAllLines(counter).size();
        Run second = bisect(args);

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("First bad commit: " + ids.get(7)).contains("(from the state file)");
        assertThat(Files.readAllLines(counter)).hasSize((int) runs);
    }

    @Test
    void shouldRefuseAStateFileOfAnotherCommandOrOptions(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 7);
        String state = dir.resolve("state.json").toString();
        String repo = dir.resolve("repo").toString();
        Run first = bisect("--repo", repo, "--good", ids.get(0), "--bad", ids.get(19), "--state", state,
                "--", "sh", "-c", "exit $(cat code)");

        Run otherCommand = bisect("--repo", repo, "--good", ids.get(0), "--bad", ids.get(19), "--state", state,
                "--", "sh", "-c", "test -f n3 && exit 1; exit 0");
        Run otherOptions = bisect("--repo", repo, "--good", ids.get(0), "--bad", ids.get(19), "--state", state,
                "--repeat", "2", "--first-parent", "--", "sh", "-c", "exit $(cat code)");

        assertThat(first.exitCode()).isZero();
        assertThat(otherCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherCommand.out()).doesNotContain("First bad commit");
        assertThat(otherCommand.err()).contains("belongs to another bisection")
                .contains("test command: [sh, -c, exit $(cat code)] in the state file,"
                        + " [sh, -c, test -f n3 && exit 1; exit 0] now")
                .contains("delete " + state + " to start afresh");
        assertThat(otherOptions.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherOptions.err()).contains("first parent: false in the state file, true now")
                .contains("repeat: 1 in the state file, 2 now");
    }

    @Test
    void shouldRemoveTheWorktreesOfABisectionKilledWithSigkillWhenRunAgain(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 7);
        Path repo = dir.resolve("repo");
        Path started = dir.resolve("started");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bisect", "--repo", repo.toString(),
                "--good", ids.get(0), "--bad", ids.get(19), "--", "sh", "-c",
                "echo \"$VIRT_REGRESS_RUN\" > '" + started + "'; exec sleep 300")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        for (int i = 0; i < 2400 && (!Files.exists(started) || Files.readString(started).isBlank()); i++) {
            Thread.sleep(25);
        }
        killed.destroyForcibly().waitFor();
        killOrphans(Files.readString(started).strip());
        assertThat(worktrees(repo)).as("left registered by the killed bisection").hasSize(2);

        Run again = bisect("--repo", repo.toString(), "--good", ids.get(0), "--bad", ids.get(19), "--confirm", "1",
                "--", "sh", "-c", "exit $(cat code)");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Removed 1 worktree(s) an interrupted bisection left in " + repo);
        assertThat(worktrees(repo)).containsExactly("worktree " + repo.toRealPath());
    }

    private static List<String> worktrees(Path repo) throws Exception {
        Process list = new ProcessBuilder("git", "-C", repo.toString(), "worktree", "list", "--porcelain").start();
        String out = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        list.waitFor();
        return out.lines().filter(l -> l.startsWith("worktree ")).toList();
    }

    /** Kills the probe command a SIGKILL of its JVM left running, found by its run id. */
    private static void killOrphans(String marker) throws Exception {
        String runId = marker.substring(marker.lastIndexOf(',') + 1);
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    if (new String(Files.readAllBytes(entry.resolve("environ")), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(runId)) {
                        ProcessHandle.of(Long.parseLong(entry.getFileName().toString()))
                                .ifPresent(ProcessHandle::destroyForcibly);
                    }
                } catch (java.io.IOException gone) {
                    // ended meanwhile
                }
            }
        }
    }

    @Test
    void shouldExitInconclusiveWhenTheBadEndPasses(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 99);

        Run run = bisect("--repo", dir.resolve("repo").toString(), "--good", ids.get(0), "--bad", "main",
                "--report", dir.resolve("report").toString(), "--", "sh", "-c", "exit $(cat code)");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(run.out()).contains("Outcome: UNREPRODUCIBLE");
        assertThat(Json.mapper().readValue(dir.resolve("report/bisect.json").toFile(), BisectResult.class).outcome())
                .isEqualTo(Outcome.UNREPRODUCIBLE);
    }

    @Test
    void shouldSuggestSwappingGoodAndBad(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 5);

        Run run = bisect("--repo", dir.resolve("repo").toString(), "--good", "main", "--bad", ids.get(2),
                "--", "true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
        assertThat(run.err()).contains("Did you swap them?");
    }

    @Test
    void shouldReportUnknownRevisionsAndMissingRepositories(@TempDir Path dir) throws Exception {
        repository(dir.resolve("repo"), 5);

        Run unknown = bisect("--repo", dir.resolve("repo").toString(), "--good", "v9.9", "--bad", "main", "--", "true");
        Run missing = bisect("--repo", dir.resolve("nothing").toString(), "--good", "a", "--bad", "b", "--", "true");

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
        assertThat(unknown.err()).contains("unknown revision 'v9.9'");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
        assertThat(missing.err()).contains("not a git repository");
    }

    @Test
    void shouldRejectUsageErrors(@TempDir Path dir) throws Exception {
        repository(dir.resolve("repo"), 5);

        assertThat(bisect("--repo", dir.resolve("repo").toString(), "--good", "main~3", "--bad", "main").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(bisect("--repo", dir.resolve("repo").toString(), "--good", "main~3", "--bad", "main",
                "--timeout", "soon", "--", "true").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bisect("--repo", dir.resolve("repo").toString(), "--good", "main~3", "--bad", "main",
                "--probes", "0", "--", "true").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /**
     * A seeded flaky test: fails with probability q percent when file "code" holds 1, never otherwise;
     * the k-th run of a commit hashes the seed, the commit and k (counted in the directory $1).
     */
    private static String[] flakyCommand(Path counts, int q) {
        return new String[] {"--", "sh", "-c", "c=$VIRT_REGRESS_COMMIT; k=$(cat \"$1/$c\" 2>/dev/null || echo 0);"
                + " echo $((k + 1)) > \"$1/$c\"; h=$(printf '%s' \"5:$c:$k\" | cksum | cut -d' ' -f1);"
                + " [ \"$(cat code)\" = 1 ] && [ $((h % 100)) -lt " + q + " ] && exit 1; exit 0", "flaky-test",
                counts.toString()};
    }

    private static String[] join(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @Test
    void shouldFindTheCulpritOfAFlakyTestWithItsConfidence(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 13);
        Path counts = Files.createDirectories(dir.resolve("counts"));
        Path report = dir.resolve("report");

        Run run = bisect(join(new String[] {"--repo", dir.resolve("repo").toString(), "--good", ids.get(0), "--bad",
                "main", "--flaky", "--confidence", "0.95", "--max-runs", "300", "--report", report.toString()},
                flakyCommand(counts, 60)));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("flaky-aware (confidence 0.95, at most 300 runs)")
                .contains("First bad commit: " + ids.get(13)).contains("Confidence: ").contains("(target 0.95)")
                .contains("Posterior over the final range").contains("Outcome: COMPLETE");
        BisectResult result = Json.mapper().readValue(report.resolve("bisect.json").toFile(), BisectResult.class);
        assertThat(result.flaky().confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.flaky().posterior()).isNotEmpty();
    }

    @Test
    void shouldSwitchToTheFlakyAwareSearchWhenTheBadEndPassesSomeRuns(@TempDir Path dir) throws Exception {
        List<String> ids = repository(dir.resolve("repo"), 9);
        Path first = dir.resolve("first-run-done");

        Run run = bisect("--repo", dir.resolve("repo").toString(), "--good", ids.get(0), "--bad", "main",
                "--repeat", "3", "--", "sh", "-c", "[ -e \"$1\" ] || { touch \"$1\"; exit 0; }; exit $(cat code)",
                "first-passes", first.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("switching to the flaky-aware search")
                .contains("First bad commit: " + ids.get(9)).contains("Confidence: ");
    }

    @Test
    void shouldRejectAConfidenceOutsideItsRange(@TempDir Path dir) throws Exception {
        repository(dir.resolve("repo"), 5);

        Run run = bisect("--repo", dir.resolve("repo").toString(), "--good", "main~3", "--bad", "main", "--flaky",
                "--confidence", "1.5", "--", "true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--confidence");
    }
}
