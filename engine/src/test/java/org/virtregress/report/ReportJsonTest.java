package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    @Test
    void shouldReadEveryPartOfTheCompleteFixture() {
        RegressionReport report = ReportFixtures.complete();

        assertThat(report.schemaVersion()).isEqualTo(RegressionReport.SCHEMA_VERSION);
        assertThat(report.buildId()).isEqualTo("418");
        assertThat(report.newBuilds()).extracting(NewBuildRow::name).containsExactly("qemu-kvm-core", "qemu-img", "qemu-common");
        assertThat(report.install().after()).containsEntry("qemu-kvm-core", "2:8.2.3-1.fc40");
        assertThat(report.suites().get(0).totals()).isEqualTo(new SuiteReport.Totals(9, 6, 1, 1, 1, 0));
        assertThat(report.buildBisection().firstBad().version()).isEqualTo("2:8.2.3-1.fc40");
        CommitBisection bisection = report.commitBisection();
        assertThat(bisection.outcome()).isEqualTo(CommitBisection.Outcome.COMPLETE);
        assertThat(bisection.probes()).hasSize(8);
        assertThat(bisection.probes().get(0).duration()).isEqualTo(Duration.ofSeconds(312));
        assertThat(bisection.culprit().hash()).isEqualTo(ReportFixtures.CULPRIT);
        assertThat(bisection.culprit().date()).isEqualTo(Instant.parse("2026-10-02T09:41:12Z"));
        assertThat(bisection.confirmation().confirmed()).isTrue();
    }

    @Test
    void shouldRoundTripEveryFixture() throws IOException {
        for (String name : List.of("complete-culprit.json", "inconclusive-range.json", "poll-and-suite.json", "hostile.json")) {
            RegressionReport report = ReportFixtures.load(name);

            RegressionReport again = ReportJson.fromJson(ReportJson.toJson(report), name);

            assertThat(again).as(name).isEqualTo(report);
        }
    }

    @Test
    void shouldRoundTripAReportBuiltInCodeThroughAFile(@TempDir Path dir) throws IOException {
        RegressionReport report = builtReport();
        Path file = dir.resolve("out/report.json");

        ReportJson.write(file, report);

        assertThat(ReportJson.read(file)).isEqualTo(report);
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1").doesNotContain("null");
    }

    @Test
    void shouldReadAReportWithOnlyAPollAndASuite() {
        RegressionReport report = ReportFixtures.pollAndSuite();

        assertThat(report.install()).isNull();
        assertThat(report.buildBisection()).isNull();
        assertThat(report.commitBisection()).isNull();
        assertThat(report.newBuilds().get(0).sourceCommit()).isNull();
        SuiteReport suite = report.suites().get(0);
        assertThat(suite.totals()).isEqualTo(new SuiteReport.Totals(2, 2, 0, 0, 0, 0));
        assertThat(suite.cases().get(0).name()).isEqualTo("dom0 boots");
        assertThat(suite.cases().get(0).attempts()).isEqualTo(1);
        assertThat(report.effectiveSummary().status()).isEqualTo(Summary.Status.PASS);
    }

    @Test
    void shouldIgnoreUnknownFieldsOfTheSameVersion() throws IOException {
        RegressionReport report = ReportJson.fromJson("""
                {"schemaVersion": 1, "title": "t", "generatedAt": "2026-01-01T00:00:00Z", "addedLater": {"x": 1},
                 "suites": [{"name": "s", "status": "PASSED", "cases": [], "colour": "blue"}]}
                """, "extra.json");

        assertThat(report.suites()).hasSize(1);
    }

    @Test
    void shouldRejectANewerSchemaVersionNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("from-the-future.json");
        Files.writeString(file, "{\"schemaVersion\": 2, \"title\": \"t\", \"generatedAt\": \"2026-01-01T00:00:00Z\"}");

        assertThatThrownBy(() -> ReportJson.read(file))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema version 2 is newer")
                .hasMessageContaining("upgrade virt-regress");
    }

    @Test
    void shouldRejectAFileWithoutSchemaVersion() {
        assertThatThrownBy(() -> ReportJson.fromJson("{\"title\": \"t\"}", "plain.json"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessage("plain.json: not a report: no integer schemaVersion");
    }

    @Test
    void shouldRejectBrokenJsonNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"schemaVersion\": 1,\n \"title\": ");

        assertThatThrownBy(() -> ReportJson.read(file))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON");
    }

    @Test
    void shouldRejectAReportWithoutItsRequiredParts() {
        assertThatThrownBy(() -> ReportJson.fromJson("{\"schemaVersion\": 1, \"generatedAt\": \"2026-01-01T00:00:00Z\"}",
                "untitled.json"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageStartingWith("untitled.json: invalid report")
                .hasMessageContaining("title");
    }

    @Test
    void shouldRejectAnUnknownVerdict() {
        assertThatThrownBy(() -> ReportJson.fromJson("""
                {"schemaVersion": 1, "title": "t", "generatedAt": "2026-01-01T00:00:00Z",
                 "suites": [{"name": "s", "status": "PASSED", "cases": [{"id": "a", "verdict": "MAYBE"}]}]}
                """, "odd.json"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageStartingWith("odd.json: invalid report")
                .hasMessageContaining("MAYBE");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> ReportJson.read(file))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString());
    }

    private static RegressionReport builtReport() {
        Commit culprit = new Commit("0123456789abcdef0123456789abcdef01234567", "A. Author", "a@example.org",
                Instant.parse("2026-03-04T05:06:07Z"), "vl: break it", List.of("vl.c"));
        ProbeRow probe = new ProbeRow(1, culprit.hash(), culprit.subject(), ProbeRow.Verdict.BAD, 2, Duration.ofSeconds(42),
                "probes/1.log", 1);
        return RegressionReport.builder("built", Instant.parse("2026-03-05T00:00:00Z"))
                .job("job", "7")
                .newBuilds(List.of(new NewBuildRow("qemu", "1.0-1", "1.0-2", "x86_64", "repo", "sha256:00", culprit.hash())))
                .install(new InstallRecord("dnf", "/root", Map.of("qemu", "1.0-1"), Map.of("qemu", "1.0-2"), true, false,
                        List.of("dnf install qemu-1.0-2")))
                .suites(List.of(SuiteReport.of("boot", List.of(
                        TestCaseReport.of("boots", TestCaseReport.Verdict.FAIL, Duration.ofMillis(1500))))))
                .buildBisection(new BuildBisectionSection("qemu", 1, new BuildBisectionSection.Build("1.0-1", "aaaa"),
                        new BuildBisectionSection.Build("1.0-2", culprit.hash()), List.of()))
                .commitBisection(new CommitBisection("https://example.org/qemu.git", List.of("aaaa"), culprit.hash(),
                        CommitBisection.Outcome.COMPLETE, null, 1, List.of(probe), culprit, List.of(),
                        new Confirmation(List.of(ProbeRow.Verdict.GOOD), List.of(ProbeRow.Verdict.BAD))))
                .build();
    }
}
