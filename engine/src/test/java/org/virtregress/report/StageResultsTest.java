package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.Verdict;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.install.PackageSpec;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.Checksum;
import org.virtregress.repo.PackageFormat;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteResult;
import org.virtregress.testing.BisectResultBuilder;
import org.virtregress.testing.ProbeRecordBuilder;

/** The report parts made from what the engine's stages return. */
class StageResultsTest {
    private static final String GOOD = "a".repeat(40);
    private static final String CULPRIT = "c".repeat(40);
    private static final String BAD = "d".repeat(40);

    @Test
    void shouldMapACompleteCommitBisectionWithItsConfirmationAndProbes() {
        ProbeRecord bisect = probe(Phase.BISECT, 0, CULPRIT, Verdict.BAD, List.of(Verdict.BAD));
        BisectResult result = result(Outcome.COMPLETE, List.of(bisect), List.of(
                probe(Phase.CONFIRM, 0, GOOD, Verdict.GOOD, List.of(Verdict.GOOD, Verdict.GOOD)),
                probe(Phase.CONFIRM, 0, CULPRIT, Verdict.BAD, List.of(Verdict.BAD, Verdict.SKIP))));

        CommitBisection report = CommitBisection.from("file:///upstream/", result, id -> "subject of " + id.charAt(0),
                Map.of(bisect, 1)::get);

        assertThat(report.repository()).isEqualTo("file:///upstream/");
        assertThat(report.good()).containsExactly(GOOD);
        assertThat(report.bad()).isEqualTo(BAD);
        assertThat(report.candidateCount()).isEqualTo(6);
        assertThat(report.outcome()).isEqualTo(CommitBisection.Outcome.COMPLETE);
        assertThat(report.message()).isNull();
        assertThat(report.culprit()).isEqualTo(new Commit(CULPRIT, "Bruno Okafor", "bruno@virt-regress-demo.example",
                Instant.parse("2024-05-08T06:40:00Z"), "memory: require 512 MiB", List.of("conf/memory-min-mib")));
        assertThat(report.confirmation().parentRuns()).containsExactly(ProbeRow.Verdict.GOOD, ProbeRow.Verdict.GOOD);
        assertThat(report.confirmation().culpritRuns()).containsExactly(ProbeRow.Verdict.BAD, ProbeRow.Verdict.SKIP);
        assertThat(report.probes()).containsExactly(new ProbeRow(1, CULPRIT, "subject of c", ProbeRow.Verdict.BAD, 1,
                Duration.ofMillis(4200), "../probes/commits/01/guest.log", 1));
    }

    @Test
    void shouldKeepTheRangeOldestFirstAndTheReasonWhenNotNarrowedToOne() {
        BisectResult result = BisectResultBuilder.bisectResult().range(List.of(GOOD), BAD).candidates(2)
                .outcome(Outcome.INCONCLUSIVE, "only skipped left")
                .remaining(List.of(CandidateDetails.of(BAD, "newer"), CandidateDetails.of(CULPRIT, "older")))
                .counts(1, 1, 1, 1).times(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();

        CommitBisection report = CommitBisection.from("file:///upstream/", result, id -> id, probe -> null);

        assertThat(report.outcome()).isEqualTo(CommitBisection.Outcome.INCONCLUSIVE);
        assertThat(report.culprit()).isNull();
        assertThat(report.message()).isEqualTo("only skipped left");
        assertThat(report.candidates()).extracting(Commit::hash).containsExactly(CULPRIT, BAD);
        assertThat(report.confirmation()).isNull();
    }

    @Test
    void shouldKeepAnAuthorWithoutAnEmailWhole() {
        Commit commit = Commit.from(new CandidateDetails(CULPRIT, "build robot", null, "subject", List.of()));

        assertThat(commit.author()).isEqualTo("build robot");
        assertThat(commit.email()).isNull();
    }

    @Test
    void shouldMapABuildBisectionWithItsEnds() {
        ProbeRecord probe = probe(Phase.BISECT, 2, "qemu-8.2.0-2", Verdict.GOOD, List.of(Verdict.GOOD));
        BisectResult result = result(Outcome.COMPLETE, List.of(probe), List.of());

        BuildBisectionSection report = BuildBisectionSection.from("qemu", result, build("8.2.0-2", "abc123"), build("8.2.0-3", null),
                id -> "version of " + id, record -> null);

        assertThat(report.packageName()).isEqualTo("qemu");
        assertThat(report.candidateCount()).isEqualTo(6);
        assertThat(report.lastGood()).isEqualTo(new BuildBisectionSection.Build("8.2.0-2", "abc123"));
        assertThat(report.firstBad()).isEqualTo(new BuildBisectionSection.Build("8.2.0-3", null));
        assertThat(report.probes()).singleElement().satisfies(p -> {
            assertThat(p.round()).isEqualTo(2);
            assertThat(p.subject()).isEqualTo("version of qemu-8.2.0-2");
            assertThat(p.remaining()).isNull();
        });
        assertThat(BuildBisectionSection.Build.from(null)).isNull();
    }

    @Test
    void shouldTellAFailedCheckFromOneThatCouldNotRun() {
        SuiteResult suite = SuiteResult.of("guest-boot", List.of(
                CaseResult.of("memory", "4 - memory", CaseStatus.FAIL, Duration.ZERO, "too small", "# too small"),
                CaseResult.of("pci", "5 - pci", CaseStatus.ERROR, Duration.ZERO, "missing", null),
                CaseResult.of("virtio", "6 - virtio", CaseStatus.SKIP, Duration.ZERO, "no bus", null),
                CaseResult.of("boot", "1 - boot", CaseStatus.PASS, Duration.ofSeconds(2), null, null)),
                List.of(), Duration.ofSeconds(4), null, null);

        SuiteReport report = SuiteReport.from(suite);

        assertThat(report.name()).isEqualTo("guest-boot");
        assertThat(report.status()).isEqualTo(SuiteReport.Status.FAILED);
        assertThat(report.cases()).extracting(TestCaseReport::verdict).containsExactly(
                TestCaseReport.Verdict.FAIL, TestCaseReport.Verdict.ERROR, TestCaseReport.Verdict.SKIP,
                TestCaseReport.Verdict.PASS);
        assertThat(report.cases().get(0)).satisfies(c -> {
            assertThat(c.id()).isEqualTo("memory");
            assertThat(c.reason()).isEqualTo("too small");
        });
        assertThat(report.totals()).isEqualTo(new SuiteReport.Totals(4, 1, 1, 0, 1, 1));
    }

    @Test
    void shouldDescribeANewVersionWithTheOneItReplaces() {
        NewBuildRow report = NewBuildRow.from(new BuildChange(BuildChange.Kind.NEW_VERSION, build("8.2.0-3", "def456"),
                build("8.2.0-2", "abc123")));

        assertThat(report).isEqualTo(new NewBuildRow("qemu", "8.2.0-2", "8.2.0-3", "x86_64", "https://example.org/repo",
                "sha256:ab12", "def456"));
        assertThat(NewBuildRow.from(new BuildChange(BuildChange.Kind.NEW, build("8.2.0-3", null), null)).oldVersion())
                .isNull();
    }

    @Test
    void shouldRecordAnInstallWithItsCommandsAsText() {
        InstallResult result = new InstallResult("dnf", "/tmp/root", List.of(PackageSpec.parse("qemu=8.2.0-3")),
                List.of(), List.of("https://example.org/repo"), Map.of("qemu", "0:8.2.0-2"), Map.of("qemu", "0:8.2.0-3"),
                List.of(new CommandRecord(List.of("dnf", "-y", "install", "qemu-8.2.0-3"), 0, false, Duration.ZERO)),
                true, false, List.of(), null, null, Instant.parse("2024-05-08T06:40:00Z"), Duration.ofSeconds(3));

        assertThat(InstallRecord.from(result)).isEqualTo(new InstallRecord("dnf", "/tmp/root",
                Map.of("qemu", "0:8.2.0-2"), Map.of("qemu", "0:8.2.0-3"), true, false,
                List.of("dnf -y install qemu-8.2.0-3 (exit 0)")));
    }

    @Test
    void shouldSayHowAFailedInstallCommandEnded() {
        InstallResult result = new InstallResult("zypper", null, List.of(PackageSpec.parse("qemu=8.2.0-3")),
                List.of(), List.of(), Map.of(), Map.of(),
                List.of(new CommandRecord(List.of("zypper", "install", "qemu=8.2.0-3"), -1, true, Duration.ofMinutes(30))),
                false, true, List.of(), "timed out", null, Instant.parse("2024-05-08T06:40:00Z"), Duration.ofMinutes(30));

        assertThat(InstallRecord.from(result).commands()).containsExactly("zypper install qemu=8.2.0-3 (exit -1, timed out)");
    }

    @Test
    void shouldReportACancelledCaseAsSkippedAndAFlakyOneWithItsAttempts() {
        CaseResult flaky = CaseResult.of("3", "migrate", CaseStatus.FAIL, Duration.ofSeconds(1), "slow", null)
                .withRerun(new CaseAttempt(2, CaseStatus.PASS, Duration.ofSeconds(1), null, null, List.of()));
        SuiteResult suite = SuiteResult.of("boot", List.of(
                CaseResult.of("5", "numa", CaseStatus.CANCEL, Duration.ZERO, null, null), flaky),
                List.of(), Duration.ofSeconds(5), null, null);

        SuiteReport report = SuiteReport.from(suite);

        assertThat(report.cases()).extracting(TestCaseReport::verdict)
                .containsExactly(TestCaseReport.Verdict.SKIP, TestCaseReport.Verdict.FLAKY);
        assertThat(report.cases().get(1).attempts()).isEqualTo(2);
        assertThat(report.totals().flaky()).isEqualTo(1);
    }

    private static Build build(String evr, String sourceCommit) {
        return new Build("qemu", evr, "x86_64", PackageFormat.RPM, "https://example.org/repo",
                "https://example.org/repo/q.rpm", new Checksum("SHA256", "AB12"), 42,
                Instant.parse("2024-05-08T06:40:00Z"), "qemu.src.rpm", sourceCommit);
    }

    private static BisectResult result(Outcome outcome, List<ProbeRecord> probes, List<ProbeRecord> confirmation) {
        CandidateDetails culprit = new CandidateDetails(CULPRIT, "Bruno Okafor <bruno@virt-regress-demo.example>",
                Instant.parse("2024-05-08T06:40:00Z"), "memory: require 512 MiB", List.of("conf/memory-min-mib"));
        return BisectResultBuilder.bisectResult().range(List.of(GOOD), BAD).candidates(6)
                .outcome(outcome, "first bad: " + CULPRIT).culprit(culprit).probes(probes).confirmation(confirmation)
                .counts(1, 1, 5, 2).times(Duration.ofSeconds(30), Duration.ofSeconds(20))
                .expectedSignature("memory: <N>").build();
    }

    private static ProbeRecord probe(Phase phase, int round, String candidate, Verdict verdict, List<Verdict> runs) {
        return ProbeRecordBuilder.probe(candidate, verdict).phase(phase, round).runs(runs)
                .duration(Duration.ofMillis(4200)).log("../probes/commits/01/guest.log")
                .failure(verdict == Verdict.BAD ? "memory: <N>" : null, verdict == Verdict.BAD ? "memory: too small" : "ok")
                .build();
    }
}
