package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.cli.HuntRuns.Run;
import org.virtregress.storage.Json;

/**
 * {@code virt-regress hunt} after an intermittent failure, on real histories (rpmbuild, createrepo_c
 * on 127.0.0.1, dnf into an install root, a real git repository): the suite and the commit probe
 * fail the bad builds and commits only about half the time, from a seeded sequence, so every run
 * of the test sees the same outcomes.
 */
class HuntFlakyCommandITest {
    @Test
    void shouldNameTheCulpritBuildAndCommitWithTheirConfidenceWhenTheFailureIsIntermittent(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = qemuHistory(dir)) {
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--flaky", "--confidence", "0.95", "--max-runs", "200",
                    "--source", "vrqemu=" + history.upstream(), "--commit-probe",
                    history.script("hunt-flaky-commit-probe.sh").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("COMMIT");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.9-1");
            assertThat(hunt.at("/builds/lastGood/evr").asText()).isEqualTo("1.0.6-1");
            assertThat(hunt.at("/builds/bisection/outcome").asText()).isEqualTo("COMPLETE");
            assertThat(hunt.at("/builds/bisection/flaky/target").asDouble()).isEqualTo(0.95);
            assertThat(hunt.at("/builds/bisection/flaky/confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(hunt.at("/commits/bisection/culprit/id").asText()).isEqualTo(history.commits().get(7));
            assertThat(hunt.at("/commits/bisection/flaky/confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
            JsonNode json = Json.mapper().readTree(report.resolve("report.json").toFile());
            assertThat(json.at("/buildBisection/confidence/probability").asDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(json.at("/commitBisection/confidence/probability").asDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(report.resolve("report.txt")).content().contains("flaky      confidence")
                    .contains("flaky-aware: confidence");
            assertThat(report.resolve("report.html")).content().contains("Posterior over the final range of builds")
                    .contains("Posterior over the final range: ").contains(" builds, the most likely 1.0.9-1");
            assertThat(run.out()).contains("[builds] flaky-aware search (confidence 0.95, at most 200 runs)")
                    .containsPattern("culprit build: vrqemu-1\\.0\\.9-1\\.noarch \\(last good [^)]*, COMPLETE,"
                            + " confidence 0\\.9[5-9]");
        }
    }

    @Test
    void shouldSwitchToTheFlakyAwareSearchWhenTheRunsOfOneBuildDisagree(@TempDir Path dir) throws Exception {
        try (HuntHistory history = qemuHistory(dir)) {
            Path report = dir.resolve("report");
            // a seed whose first draw fails the failing set, so that the deterministic search starts
            Files.writeString(history.directory().resolve("flaky-seed"), "8");

            Run run = hunt(history, report, "--confirm", "3", "--confidence", "0.95", "--max-runs", "200");

            assertThat(run.out()).contains("[builds] The failure is intermittent").contains("switching to the"
                    + " flaky-aware search (confidence 0.95, at most 200 runs)");
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("BUILD");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.9-1");
            assertThat(hunt.at("/builds/bisection/flaky/confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(run.exitCode()).as(run.out()).isZero();
        }
    }

    @Test
    void shouldResumeAFlakyAwareHuntKilledInTheMiddleWithoutRepeatingARun(@TempDir Path dir) throws Exception {
        try (HuntHistory history = qemuHistory(dir)) {
            Path kill = Files.createDirectories(dir.resolve("kill"));
            Path log = dir.resolve("runs.log");
            Files.writeString(kill.resolve("kill-at"), "8");
            List<String> argv = new ArrayList<>(List.of("hunt", "--archive", history.archive().toString(),
                    "--good", "vrqemu=1.0.2-1", "--manager", "dnf", "--no-gpg-check",
                    "--root", dir.resolve("root").toString(), "--flaky", "--confidence", "0.95", "--max-runs", "200",
                    "--state", kill.resolve("state.json").toString(), "--report", dir.resolve("report").toString(),
                    "--", history.script("hunt-flaky-suite.sh").toString()));

            List<Integer> codes = new ArrayList<>();
            String last = "";
            for (int attempt = 0; attempt < 2; attempt++) {
                ProcessBuilder builder = new ProcessBuilder(HuntRuns.javaCommand(argv)).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("out-" + attempt + ".txt").toFile());
                builder.environment().put("HUNT_KILL_DIR", kill.toString());
                builder.environment().put("HUNT_RUN_LOG", log.toString());
                Process process = builder.start();
                Files.writeString(kill.resolve("pid"), Long.toString(process.pid()));
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
                codes.add(process.exitValue());
                last = Files.readString(dir.resolve("out-" + attempt + ".txt"));
            }

            assertThat(codes).as(last).containsExactly(137, 0);
            assertThat(last).contains("resuming the hunt at level build");
            JsonNode state = Json.mapper().readTree(kill.resolve("state.json").toFile());
            JsonNode hunt = Json.mapper().readTree(dir.resolve("report/hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(last).isEqualTo("BUILD");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.9-1");
            assertThat(hunt.at("/builds/bisection/flaky/confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
            // every run ran once, except the one killed before its verdict was recorded
            assertThat(Files.readAllLines(log)).hasSize(state.get("runs").size() + 1);
            assertThat(hunt.get("probesReplayed").asInt()).isEqualTo(7);
            assertThat(hunt.get("probesRun").asInt() + hunt.get("probesReplayed").asInt())
                    .isEqualTo(state.get("runs").size());
        }
    }

    @Test
    void shouldResumeAHuntThatSwitchedToTheFlakyAwareSearchByItselfWithoutRepeatingARun(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = qemuHistory(dir)) {
            Path kill = Files.createDirectories(dir.resolve("kill"));
            Path log = dir.resolve("runs.log");
            Files.writeString(history.directory().resolve("flaky-seed"), "8");
            // the suite kills the hunt at the first run after the state file records the switch
            Files.createFile(kill.resolve("kill-after-switch"));
            List<String> argv = new ArrayList<>(List.of("hunt", "--archive", history.archive().toString(),
                    "--good", "vrqemu=1.0.2-1", "--manager", "dnf", "--no-gpg-check",
                    "--root", dir.resolve("root").toString(), "--confirm", "3", "--confidence", "0.95",
                    "--max-runs", "200", "--state", kill.resolve("state.json").toString(),
                    "--report", dir.resolve("report").toString(), "--", history.script("hunt-flaky-suite.sh").toString()));

            List<Integer> codes = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            int recordedAtKill = 0;
            for (int attempt = 0; attempt < 2; attempt++) {
                if (attempt == 1) {
                    recordedAtKill = Json.mapper().readTree(kill.resolve("state.json").toFile()).get("runs").size();
                }
                ProcessBuilder builder = new ProcessBuilder(HuntRuns.javaCommand(argv)).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("out-" + attempt + ".txt").toFile());
                builder.environment().put("HUNT_KILL_DIR", kill.toString());
                builder.environment().put("HUNT_RUN_LOG", log.toString());
                Process process = builder.start();
                Files.writeString(kill.resolve("pid"), Long.toString(process.pid()));
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
                codes.add(process.exitValue());
                outs.add(Files.readString(dir.resolve("out-" + attempt + ".txt")));
            }

            assertThat(codes).as(String.join("\n----\n", outs)).containsExactly(137, 0);
            assertThat(outs.get(0)).contains("switching to the flaky-aware search");
            assertThat(outs.get(1)).contains("resuming the hunt at level build")
                    .contains("(switched to the flaky-aware search at builds)");
            JsonNode state = Json.mapper().readTree(kill.resolve("state.json").toFile());
            assertThat(state.get("switched").toString()).isEqualTo("[\"builds\"]");
            assertThat(state.at("/fingerprint/flaky").asBoolean()).isFalse();
            JsonNode hunt = Json.mapper().readTree(dir.resolve("report/hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(outs.get(1)).isEqualTo("BUILD");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.9-1");
            assertThat(hunt.at("/builds/bisection/flaky/confidence").asDouble()).isGreaterThanOrEqualTo(0.95);
            // every run ran once, except the one killed before its verdict was recorded
            assertThat(Files.readAllLines(log)).hasSize(state.get("runs").size() + 1);
            assertThat(hunt.get("probesReplayed").asInt()).isEqualTo(recordedAtKill).isPositive();
        }
    }


    /**
     * Twelve upstream commits, the eighth planting "broken"; five vrqemu builds at commits 2, 4, 6,
     * 9 and 11, each with its commit in the VCS tag.
     */
    private static HuntHistory qemuHistory(Path dir) throws Exception {
        HuntHistory history = HuntHistory.in(dir);
        List<String> contents = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String content = (i >= 8 ? "broken " : "qemu ") + i;
            history.commit(content);
            contents.add(content);
        }
        for (int n : new int[] {2, 4, 6, 9, 11}) {
            history.build("vrqemu", "1.0." + n, "1", contents.get(n - 1), history.commits().get(n - 1));
            history.publishAndPoll();
        }
        return history;
    }

    private static Run hunt(HuntHistory history, Path report, String... options) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--good", "vrqemu=1.0.2-1", "--root",
                history.directory().resolve("root").toString()));
        argv.addAll(List.of(options));
        return HuntRuns.run(HuntRuns.argv("dnf", history.archive(), report, null,
                history.script("hunt-flaky-suite.sh"), argv.toArray(String[]::new)));
    }
}
