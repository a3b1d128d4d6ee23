package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void shouldNameTheCulpritOfACompleteBisection() {
        assertThat(ReportFixtures.complete().effectiveSummary()).isEqualTo(new Summary(Summary.Status.REGRESSION,
                "Regression introduced by 41e6fc53b7de hw/block/virtio-blk: skip flush for FUA writes"));
    }

    @Test
    void shouldCallAnUnconfirmedCulpritInconclusive() {
        RegressionReport complete = ReportFixtures.complete();
        CommitBisection b = complete.commitBisection();
        CommitBisection unconfirmed = new CommitBisection(b.repository(), b.good(), b.bad(),
                CommitBisection.Outcome.UNCONFIRMED, "culprit passed 1 of 3 runs", b.candidateCount(), b.probes(),
                b.culprit(), List.of(), new Confirmation(List.of(ProbeRow.Verdict.GOOD), List.of(ProbeRow.Verdict.GOOD)));

        Summary summary = report().commitBisection(unconfirmed).build().effectiveSummary();

        assertThat(summary).isEqualTo(new Summary(Summary.Status.INCONCLUSIVE, "Bisection unconfirmed"));
        assertThat(unconfirmed.confirmation().confirmed()).isFalse();
    }

    @Test
    void shouldNameTheFirstBadBuildBeforeTheCommitsAreBisected() {
        BuildBisectionSection builds = new BuildBisectionSection("qemu-kvm", 3, new BuildBisectionSection.Build("8.2.2-1", null),
                new BuildBisectionSection.Build("8.2.2-2", null), List.of());

        assertThat(report().buildBisection(builds).build().effectiveSummary())
                .isEqualTo(new Summary(Summary.Status.REGRESSION, "Regression first in build qemu-kvm 8.2.2-2"));
    }

    @Test
    void shouldCountFailedTestsWhenNothingWasBisected() {
        Summary summary = report().suites(List.of(SuiteReport.of("boot", List.of(
                TestCaseReport.of("a", TestCaseReport.Verdict.FAIL, Duration.ZERO),
                TestCaseReport.of("b", TestCaseReport.Verdict.FLAKY, Duration.ZERO),
                TestCaseReport.of("c", TestCaseReport.Verdict.ERROR, Duration.ZERO))))).build().effectiveSummary();

        assertThat(summary).isEqualTo(new Summary(Summary.Status.FAIL, "2 tests failed"));
    }

    @Test
    void shouldPassWithOnlyFlakyCases() {
        SuiteReport suite = SuiteReport.of("boot", List.of(TestCaseReport.of("b", TestCaseReport.Verdict.FLAKY, Duration.ZERO)));

        assertThat(suite.status()).isEqualTo(SuiteReport.Status.PASSED);
        assertThat(report().suites(List.of(suite)).build().effectiveSummary().status()).isEqualTo(Summary.Status.PASS);
    }

    @Test
    void shouldReportAFailedInstall() {
        InstallRecord install = new InstallRecord("zypper", null, Map.of(), Map.of(), false, true, List.of());

        assertThat(report().install(install).build().effectiveSummary())
                .isEqualTo(new Summary(Summary.Status.ERROR, "Install failed (rolled back)"));
    }

    @Test
    void shouldHeadAnInstallOnlyReportWithTheInstallNotWithSuites() {
        InstallRecord install = new InstallRecord("dnf", "/srv/root", Map.of(), Map.of("vrtest", "1.0-1"), true,
                false, List.of());

        assertThat(report().install(install).build().effectiveSummary())
                .isEqualTo(new Summary(Summary.Status.PASS, "Packages installed and verified with dnf"));
    }

    @Test
    void shouldPreferTheSummaryGiven() {
        Summary given = new Summary(Summary.Status.FAIL, "told so");

        assertThat(ReportFixtures.complete()).satisfies(r -> assertThat(
                report().summary(given).commitBisection(r.commitBisection()).build().effectiveSummary()).isSameAs(given));
    }

    private static RegressionReport.Builder report() {
        return RegressionReport.builder("t", Instant.parse("2026-01-01T00:00:00Z"));
    }
}
