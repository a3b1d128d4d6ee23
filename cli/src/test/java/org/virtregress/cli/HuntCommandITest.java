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
 * {@code virt-regress hunt} on real histories: rpm builds made with rpmbuild, published with
 * createrepo_c on 127.0.0.1, polled into an archive, installed with dnf into install roots and
 * tested by a shell suite; the commit level bisects a real git repository.
 */
class HuntCommandITest {
    @Test
    void shouldFindAndConfirmTheCulpritBuildAndCommitAmongFiveBuilds(@TempDir Path dir) throws Exception {
        try (HuntHistory history = qemuHistory(dir, false)) {
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrqemu=1.0.2-1", "--probes", "2",
                    "--root", dir.resolve("root-{n}").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("COMMIT");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.9-1");
            assertThat(hunt.at("/builds/lastGood/evr").asText()).isEqualTo("1.0.6-1");
            assertThat(hunt.at("/builds/bisection/outcome").asText()).isEqualTo("COMPLETE");
            assertThat(hunt.at("/builds/bisection/confirmation")).isNotEmpty();
            assertThat(hunt.at("/commits/bisection/culprit/id").asText()).isEqualTo(history.commits().get(7));
            assertThat(hunt.at("/commits/bisection/outcome").asText()).isEqualTo("COMPLETE");
            assertThat(hunt.at("/commits/bisection/confirmation")).isNotEmpty();
            assertThat(hunt.get("restored")).hasSize(2);
            hunt.get("restored").forEach(install -> {
                assertThat(install.get("success").asBoolean()).isTrue();
                assertThat(install.at("/after/vrqemu").asText()).endsWith("1.0.11-1");
            });
            assertThat(dir.resolve("root-1/usr/share/vrqemu/content")).content().contains("broken");
            assertThat(report.resolve("report.html")).content().contains("1.0.9-1");
            assertThat(run.out()).contains("[builds round 1]").contains("[commits ");
        }
    }

    @Test
    void shouldNameTheSecondOfTwoPackagesUpdatedInOnePublication(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            history.build("vrqemu", "1.0.2", "1", "qemu 2", null);
            history.build("vrbios", "1.0", "1", "bios 1", null);
            history.publishAndPoll();
            history.build("vrqemu", "1.0.4", "1", "qemu 4", null);
            history.build("vrbios", "1.1", "1", "bios broken", null);
            history.publishAndPoll();
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrqemu=1.0.2-1", "--good", "vrbios=1.0-1",
                    "--root", dir.resolve("root").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("BUILD");
            assertThat(hunt.at("/packages/order").toString()).isEqualTo("[\"vrbios\",\"vrqemu\"]");
            assertThat(hunt.at("/packages/culprit").asText()).isEqualTo("vrbios");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.1-1");
            assertThat(run.out()).contains("culprit package: vrbios");
            JsonNode json = Json.mapper().readTree(report.resolve("report.json").toFile());
            assertThat(json.at("/packageUpdates/culprit").asText()).isEqualTo("vrbios");
            assertThat(json.at("/packageUpdates/steps/0/packageName").asText()).isEqualTo("vrbios");
            assertThat(json.at("/packageUpdates/steps/0/verdict").asText()).isEqualTo("BAD");
            assertThat(json.at("/packageUpdates/steps/1/packageName").asText()).isEqualTo("vrqemu");
            assertThat(report.resolve("report.html")).content()
                    .contains("<h3>Which package</h3>")
                    .contains("the update of <b>vrbios</b> (1.0-1 → 1.1-1) breaks the suite")
                    .contains("<b>confirmed</b>: parent 1/1 good, culprit 1/1 bad")
                    .contains("<td class=\"vr-num\">2</td><td><b>vrqemu</b></td><td>1.0.2-1</td>");
            assertThat(report.resolve("report.txt")).content()
                    .contains("Which package: COMPLETE, the update of vrbios breaks the suite")
                    .contains("step 1  vrbios 1.0-1 -> 1.1-1: BAD");
        }
    }

    @Test
    void shouldReportASameVersionRebuildAsAPackagingChange(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            history.build("vrbios", "1.0", "1", "bios", null);
            history.publishAndPoll();
            history.build("vrbios", "1.0", "2", "bios broken", null);
            history.publishAndPoll();
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrbios=1.0-1", "--root", dir.resolve("root").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("PACKAGING");
            assertThat(hunt.at("/packaging/lastGood").asText()).isEqualTo("1.0-1");
            assertThat(hunt.at("/packaging/firstBad").asText()).isEqualTo("1.0-2");
            assertThat(hunt.at("/packaging/upstream").asText()).isEqualTo("1.0");
            assertThat(hunt.at("/packaging/changelog")).hasSize(1);
            assertThat(hunt.at("/packaging/changelog/0").asText()).contains("- 1.0-2").contains("- build 2");
            assertThat(hunt.at("/packaging/changelogNotes")).as("rpm read both changelogs").isEmpty();
            assertThat(report.resolve("report.txt")).content().contains("packaging change: 1.0-1 -> 1.0-2");
        }
    }

    @Test
    void shouldRefuseAResumeInAnotherModeNamingWhatDiffersAndReplayOneInTheSameMode(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            String[] contents = {"bios", "bios", "bios broken"};
            for (int i = 0; i < contents.length; i++) {
                history.build("vrbios", "1." + i, "1", contents[i], null);
                history.publishAndPoll();
            }
            Path report = dir.resolve("report");
            String root = dir.resolve("root").toString();

            Run first = hunt(history, report, "--good", "vrbios=1.0-1", "--root", root);
            Run flaky = hunt(history, report, "--good", "vrbios=1.0-1", "--root", root, "--flaky", "--max-runs", "50");
            Run suite = hunt(history, report, "--good", "vrbios=1.0-1", "--root", root, "--timeout", "5m",
                    "--rerun-failed", "1");
            JsonNode before = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            Run again = hunt(history, report, "--good", "vrbios=1.0-1", "--root", root, "--probes", "2");

            assertThat(first.exitCode()).as(first.out()).isZero();
            assertThat(flaky.exitCode()).as(flaky.out()).isEqualTo(ExitCodes.USAGE);
            assertThat(flaky.out()).contains("belongs to a hunt with other settings: --flaky: off in the state file,"
                    + " on now; --max-runs: 1000 in the state file, 50 now; run the hunt as it was");
            assertThat(suite.exitCode()).as(suite.out()).isEqualTo(ExitCodes.USAGE);
            assertThat(suite.out()).contains("suite timeout: 30m in the state file, 5m now")
                    .contains("commit probe timeout: 30m in the state file, 5m now")
                    .contains("suite rerun failed: 0 in the state file, 1 now");
            assertThat(before.get("probesRun").asInt()).as("the refused hunts left the first one's report")
                    .isPositive();
            assertThat(again.exitCode()).as(again.out()).isZero();
            assertThat(again.out()).contains("resuming the hunt at level restore");
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("BUILD");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.2-1");
            assertThat(hunt.get("probesRun").asInt()).as("the same mode replays every verdict").isZero();
            assertThat(hunt.get("probesReplayed").asInt()).isEqualTo(before.get("probesRun").asInt());
        }
    }

    @Test
    void shouldPassTheLastGoodSetMTimesWhenItIsTheCulpritsParent(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            history.build("vrbios", "1.0", "1", "bios", null);
            history.publishAndPoll();
            history.build("vrbios", "1.1", "1", "bios broken", null);
            history.publishAndPoll();
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrbios=1.0-1", "--root", dir.resolve("root").toString(),
                    "--confirm", "3");

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.1-1");
            List<String> confirmation = new ArrayList<>();
            hunt.at("/builds/bisection/confirmation").forEach(p -> confirmation.add(p.get("candidate").asText() + " "
                    + p.get("verdict").asText()));
            assertThat(confirmation).containsExactly("1.0-1 GOOD", "1.0-1 GOOD", "1.0-1 GOOD", "1.1-1 BAD",
                    "1.1-1 BAD", "1.1-1 BAD");
            // the good set ran once before the hunt started and three times as the culprit's parent
            List<String> keys = new ArrayList<>();
            Json.mapper().readTree(report.resolve("hunt-state.json").toFile()).get("runs")
                    .forEach(r -> keys.add(r.get("key").asText()));
            assertThat(keys).filteredOn(k -> k.startsWith("reproduce/good/")).hasSize(1);
            assertThat(keys).filteredOn(k -> k.startsWith("builds/1.0-1/")).hasSize(3);
            JsonNode json = Json.mapper().readTree(report.resolve("report.json").toFile());
            assertThat(json.at("/buildBisection/confirmation/parentRuns")).hasSize(3);
            assertThat(report.resolve("report.html")).content()
                    .contains("<tr><th>Build confirmation</th><td><b>confirmed</b>: parent 3/3 good, culprit 3/3 bad");
            assertThat(report.resolve("report.txt")).content()
                    .contains("  confirmed  yes (parent 3/3 good, culprit 3/3 bad)");
        }
    }

    @Test
    void shouldSkipABuildThatFailsDifferently(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            String[] contents = {"ok", "broken", "crash", "crash", "broken"};
            for (int i = 0; i < contents.length; i++) {
                history.build("vrbios", "1." + i, "1", contents[i], null);
                history.publishAndPoll();
            }
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrbios=1.0-1", "--root", dir.resolve("root").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.1-1");
            List<String> skipped = new ArrayList<>();
            hunt.at("/builds/bisection/probes").forEach(p -> {
                if ("SKIP".equals(p.get("verdict").asText())) {
                    skipped.add(p.get("candidate").asText() + " " + p.get("reason").asText());
                }
            });
            assertThat(skipped).isNotEmpty().allSatisfy(s -> assertThat(s).matches("1\\.[23]-1 failed differently: guest shuts down.*"));
        }
    }

    @Test
    void shouldEndAtTheCommitLevelNamingATagOrRevisionTheRepositoryLacks(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            history.commit("qemu 1");
            history.commit("broken 2");
            history.build("vrqemu", "1.0.1", "1", "qemu 1", null);
            history.publishAndPoll();
            history.build("vrqemu", "1.0.2", "1", "broken 2", null);
            history.publishAndPoll();
            Path report = dir.resolve("report");
            String root = dir.resolve("root").toString();

            Run tag = hunt(history, report, "--good", "vrqemu=1.0.1-1", "--root", root, "--tag", "v%{version}");
            Run revision = hunt(history, report, "--good", "vrqemu=1.0.1-1", "--root", root,
                    "--good-revision", "0123abc", "--bad-revision", "main");

            assertThat(tag.exitCode()).as(tag.out()).isEqualTo(ExitCodes.USAGE);
            assertThat(tag.out()).contains("'v1.0.1' (tag template 'v%{version}' for vrqemu-1.0.1-1.noarch) is not in"
                    + " the repository " + history.upstream());
            assertThat(revision.exitCode()).as(revision.out()).isEqualTo(ExitCodes.USAGE);
            assertThat(revision.out()).contains("resuming the hunt")
                    .contains("'0123abc' (revision given for vrqemu-1.0.1-1.noarch) is not in the repository");
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("BAD_INPUT");
            assertThat(hunt.get("level").asText()).isEqualTo("COMMIT");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.2-1");
            assertThat(hunt.get("probesRun").asInt()).as("the second hunt replays the first one's verdicts").isZero();
        }
    }

    @Test
    void shouldResumeAHuntKilledInEachLevelWithoutRepeatingAProbe(@TempDir Path dir) throws Exception {
        try (HuntHistory history = qemuHistory(dir, true)) {
            Path kill = Files.createDirectories(dir.resolve("kill"));
            Path log = dir.resolve("runs.log");
            for (String level : List.of("PACKAGE", "BUILD", "COMMIT")) {
                Files.createFile(kill.resolve("kill-" + level));
            }
            List<String> argv = HuntRuns.argv("dnf", history.archive(), dir.resolve("report"), history,
                    history.script("hunt-suite.sh"), "--good", "vrqemu=1.0.2-1", "--good", "vrbios=1.0-1",
                    "--root", dir.resolve("root").toString(), "--state", kill.resolve("state.json").toString());

            List<Integer> codes = new ArrayList<>();
            String last = "";
            for (int attempt = 0; attempt < 4; attempt++) {
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

            assertThat(codes).as(last).containsExactly(137, 137, 137, 0);
            assertThat(kill.resolve("killed-PACKAGE")).exists();
            assertThat(kill.resolve("killed-BUILD")).exists();
            assertThat(kill.resolve("killed-COMMIT")).exists();
            JsonNode state = Json.mapper().readTree(kill.resolve("state.json").toFile());
            JsonNode hunt = Json.mapper().readTree(dir.resolve("report/hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("COMMIT");
            assertThat(hunt.at("/packages/culprit").asText()).isEqualTo("vrqemu");
            assertThat(hunt.at("/commits/bisection/culprit/id").asText()).isEqualTo(history.commits().get(7));
            // every probe ran once, except the three that were killed before their verdict was recorded
            assertThat(Files.readAllLines(log)).hasSize(state.get("runs").size() + 3);
            assertThat(hunt.get("probesReplayed").asInt()).isPositive();
            assertThat(hunt.get("probesRun").asInt() + hunt.get("probesReplayed").asInt())
                    .isEqualTo(state.get("runs").size());
        }
    }


    /**
     * Twelve upstream commits, the eighth planting "broken"; five vrqemu builds at commits 2, 4, 6,
     * 9 and 11, each with its commit in the VCS tag; vrbios 1.0-1 beside them (and 1.1-1, harmless,
     * beside the last one when {@code biosUpdate}).
     */
    private static HuntHistory qemuHistory(Path dir, boolean biosUpdate) throws Exception {
        HuntHistory history = HuntHistory.in(dir);
        List<String> contents = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String content = (i >= 8 ? "broken " : "qemu ") + i;
            history.commit(content);
            contents.add(content);
        }
        history.build("vrbios", "1.0", "1", "bios 1", null);
        for (int n : new int[] {2, 4, 6, 9, 11}) {
            history.build("vrqemu", "1.0." + n, "1", contents.get(n - 1), history.commits().get(n - 1));
            if (n == 11 && biosUpdate) {
                history.build("vrbios", "1.1", "1", "bios 2", null);
            }
            history.publishAndPoll();
        }
        return history;
    }

    private static Run hunt(HuntHistory history, Path report, String... options) throws Exception {
        return HuntRuns.run(HuntRuns.argv("dnf", history.archive(), report, history, history.script("hunt-suite.sh"),
                options));
    }
}
