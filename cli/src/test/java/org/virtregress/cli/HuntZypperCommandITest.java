package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.cli.HuntRuns.Run;
import org.virtregress.storage.Json;

/**
 * {@code virt-regress hunt} with zypper: rpm builds made with rpmbuild, published with createrepo_c
 * on 127.0.0.1, polled into an archive, each probe installing with the real zypper into its own
 * install root ({@code --root}); the commit level bisects a real git repository.
 */
class HuntZypperCommandITest {
    @Test
    void shouldFindAndConfirmTheCulpritBuildAndCommitWithZypperOnTwoRoots(@TempDir Path dir) throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            List<String> contents = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String content = (i >= 5 ? "broken " : "qemu ") + i;
                history.commit(content);
                contents.add(content);
            }
            for (int n : new int[] {2, 4, 6, 8}) {
                history.build("vrqemu", "1.0." + n, "1", contents.get(n - 1), history.commits().get(n - 1));
                history.publishAndPoll();
            }
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrqemu=1.0.2-1", "--probes", "2",
                    "--root", dir.resolve("root-{n}").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).isEqualTo("COMMIT");
            assertThat(hunt.at("/builds/lastGood/evr").asText()).isEqualTo("1.0.4-1");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.0.6-1");
            assertThat(hunt.at("/builds/bisection/outcome").asText()).isEqualTo("COMPLETE");
            assertThat(hunt.at("/commits/bisection/culprit/id").asText()).isEqualTo(history.commits().get(4));
            assertThat(hunt.get("restored")).hasSize(2);
            hunt.get("restored").forEach(install -> {
                assertThat(install.get("manager").asText()).isEqualTo("zypper");
                assertThat(install.get("success").asBoolean()).isTrue();
                assertThat(install.at("/after/vrqemu").asText()).endsWith("1.0.8-1");
            });
            assertThat(dir.resolve("root-1/usr/share/vrqemu/content")).content().contains("broken 8");
            assertThat(dir.resolve("root-2/usr/share/vrqemu/content")).content().contains("broken 8");
        }
    }

    @Test
    void shouldInstallASameVersionRebuildFromTheProbesRepositoryAndNameItAPackagingChange(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            String[][] builds = {{"1.0", "bios"}, {"1.1", "bios"}, {"1.1", "bios broken"}, {"1.2", "bios broken"}};
            for (String[] build : builds) {
                history.build("vrbios", build[0], "1", build[1], null);
                history.publishAndPoll();
            }
            Path report = dir.resolve("report");

            Run run = hunt(history, report, "--good", "vrbios=1.0-1", "--root", dir.resolve("root").toString(),
                    "--confirm", "2");

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("PACKAGING");
            assertThat(hunt.at("/builds/candidates")).hasSize(4);
            assertThat(hunt.at("/builds/lastGood/evr").asText()).isEqualTo("1.1-1");
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo("1.1-1");
            assertThat(hunt.at("/builds/firstBad/checksum/value").asText())
                    .isNotEqualTo(hunt.at("/builds/lastGood/checksum/value").asText());
            // the rebuild's confirmation ran right after its parent, the same version, was installed
            List<String> confirmation = new ArrayList<>();
            hunt.at("/builds/bisection/confirmation").forEach(p -> confirmation.add(p.get("verdict").asText()));
            assertThat(confirmation).containsExactly("GOOD", "GOOD", "BAD", "BAD");
            assertThat(hunt.at("/packaging/lastGood").asText()).isEqualTo("1.1-1");
            assertThat(run.out()).containsPattern("\\[builds confirm\\] vrbios-1\\.1-1\\.noarch \\(rebuild [0-9a-f]{8}\\) bad");
            assertThat(dir.resolve("root/usr/share/vrbios/content")).content().contains("bios broken");
        }
    }

    private static Run hunt(HuntHistory history, Path report, String... options) throws Exception {
        return HuntRuns.run(HuntRuns.argv("zypper", history.archive(), report, history,
                history.script("hunt-suite.sh"), options));
    }
}
