package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.install.PackageSpec;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.SuiteReport;
import org.virtregress.report.TestCaseReport;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteResult;

class ReportSectionsTest {
    @Test
    void shouldMapAnInstallWithItsCommands() {
        InstallResult result = new InstallResult("dnf", "/tmp/root", List.of(new PackageSpec("qemu", "9.1.0-4.1")),
                List.of(), List.of("file:///srv/repo"), Map.of("qemu", "9.1.0-3.1"), Map.of("qemu", "9.1.0-4.1"),
                List.of(new CommandRecord(List.of("dnf", "-y", "install", "qemu-9.1.0-4.1"), 0, false,
                        Duration.ofSeconds(4))), true, false, List.of(), null, "", Instant.EPOCH, Duration.ofSeconds(5));

        InstallRecord record = ReportSections.install(result);

        assertThat(record.manager()).isEqualTo("dnf");
        assertThat(record.before()).containsEntry("qemu", "9.1.0-3.1");
        assertThat(record.after()).containsEntry("qemu", "9.1.0-4.1");
        assertThat(record.success()).isTrue();
        assertThat(record.commands()).containsExactly("dnf -y install qemu-9.1.0-4.1 (exit 0)");
    }

    @Test
    void shouldMapCasesToReportVerdicts() {
        CaseResult flaky = CaseResult.of("3", "migrate", CaseStatus.FAIL, Duration.ofSeconds(1), "slow", null)
                .withRerun(new CaseAttempt(2, CaseStatus.PASS, Duration.ofSeconds(1), null, null, List.of()));
        SuiteResult suite = SuiteResult.of("boot", List.of(
                CaseResult.of("1", "boots", CaseStatus.PASS, Duration.ofSeconds(1), null, null),
                CaseResult.of("2", "net", CaseStatus.FAIL, Duration.ofSeconds(1), "no link", null),
                CaseResult.of("4", "disk", CaseStatus.ERROR, Duration.ofSeconds(1), "crash", null),
                CaseResult.of("5", "numa", CaseStatus.CANCEL, Duration.ZERO, null, null),
                flaky), List.of(), Duration.ofSeconds(5), null, null);

        SuiteReport report = ReportSections.suite(suite);

        assertThat(report.status()).isEqualTo(SuiteReport.Status.FAILED);
        assertThat(report.cases()).extracting(TestCaseReport::verdict).containsExactly(TestCaseReport.Verdict.PASS,
                TestCaseReport.Verdict.FAIL, TestCaseReport.Verdict.ERROR, TestCaseReport.Verdict.SKIP,
                TestCaseReport.Verdict.FLAKY);
        assertThat(report.cases().get(4).attempts()).isEqualTo(2);
        assertThat(report.totals().flaky()).isEqualTo(1);
    }

    @Test
    void shouldMapNewBuildsWithTheirPreviousVersion() {
        assertThat(ReportSections.newBuilds(List.of(new NewBuild("qemu", "9.1.0-4.1", "9.1.0-3.1", "x86_64", "updates",
                "sha256:ab", "0123abc")))).singleElement().satisfies(b -> {
                    assertThat(b.oldVersion()).isEqualTo("9.1.0-3.1");
                    assertThat(b.newVersion()).isEqualTo("9.1.0-4.1");
                    assertThat(b.sourceCommit()).isEqualTo("0123abc");
                });
    }
}
