package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.PackageUpdateChain;
import org.virtregress.bisect.ProbeResult;

class PackageUpdateSectionTest {
    private static final Map<String, String> GOOD = Map.of("libvirt", "10.0-1", "qemu", "9.0-1", "seabios", "1.16-1");
    private static final Map<String, String> BAD = Map.of("libvirt", "10.1-1", "qemu", "9.1-1", "seabios", "1.17-1",
            "edk2", "2024-1");
    private static final List<String> ORDER = List.of("edk2", "libvirt", "qemu", "seabios");

    /** The update order with qemu (step 3) guilty, bisected by the real bisector with two confirmation runs. */
    private static PackageUpdateSection qemuGuilty(List<String> probed) throws Exception {
        PackageUpdateChain chain = PackageUpdateChain.between(GOOD, BAD, ORDER);
        BisectResult result = Bisector.builder().confirm(2).checkBadEnd(false).build().run(chain.range(), c -> {
            probed.add(c.id());
            return chain.state(c.id()).versions().get("qemu").equals("9.1-1")
                    ? ProbeResult.bad("boot failed", "boot failed") : ProbeResult.good("passed");
        });
        return PackageUpdateSection.from(ORDER, GOOD, BAD, result, "qemu", id -> "step " + id, p -> null);
    }

    @Test
    void shouldGiveEveryStepOfTheOrderItsVersionsAndTheVerdictOfItsSet() throws Exception {
        PackageUpdateSection section = qemuGuilty(new java.util.ArrayList<>());

        assertThat(section.outcome()).isEqualTo(CommitBisection.Outcome.COMPLETE);
        assertThat(section.steps()).extracting(PackageUpdateSection.Step::packageName).containsExactlyElementsOf(ORDER);
        assertThat(section.steps().get(0).from()).isNull();
        assertThat(section.steps().get(0).to()).isEqualTo("2024-1");
        assertThat(section.culpritStep().step()).isEqualTo(3);
        assertThat(section.culpritStep().from()).isEqualTo("9.0-1");
        assertThat(section.culpritStep().verdict()).isEqualTo(ProbeRow.Verdict.BAD);
        assertThat(section.culpritStep().runs()).as("a bisection probe and two confirmations").isEqualTo(3);
        assertThat(section.steps().get(1).verdict()).isEqualTo(ProbeRow.Verdict.GOOD);
        assertThat(section.confirmation().confirmed()).isTrue();
        assertThat(section.confirmation().describe()).isEqualTo("parent 2/2 good, culprit 2/2 bad");
        assertThat(section.probes()).extracting(ProbeRow::candidate).contains("2", "3");
    }

    @Test
    void shouldRenderTheOrderTheVerdictsAndTheConfirmationInHtmlWithoutInlineStyleOrScript() throws Exception {
        RegressionReport report = RegressionReport.builder("hunt", Instant.parse("2026-12-01T10:00:00Z"))
                .packageUpdates(qemuGuilty(new java.util.ArrayList<>())).build();

        String body = HtmlReport.body(report);

        assertThat(body).contains("<section class=\"vr-package-updates\">\n<h3>Which package</h3>")
                .contains("the update of <b>qemu</b> (9.0-1 → 9.1-1) breaks the suite")
                .contains("<b>confirmed</b>: parent 2/2 good, culprit 2/2 bad")
                .contains("<tr class=\"vr-row-bad vr-row-culprit\"><td class=\"vr-num\">3</td><td><b>qemu</b></td>")
                .contains("<td class=\"vr-num\">1</td><td><b>edk2</b></td><td><span class=\"vr-muted\">not installed")
                .contains("<h4>Package updates</h4>")
                .doesNotContain("style=").doesNotContain("<style").doesNotContain("<script");
        assertThat(body.indexOf("Which package")).isLessThan(body.indexOf("<h3>Probes</h3>"));
        assertThat(report.effectiveSummary().headline()).isEqualTo("Regression first with the update of qemu");
    }

    @Test
    void shouldListTheStepsInTheTextReportAndKeepThemInJson() throws Exception {
        RegressionReport report = RegressionReport.builder("hunt", Instant.parse("2026-12-01T10:00:00Z"))
                .packageUpdates(qemuGuilty(new java.util.ArrayList<>())).build();

        String text = TextReport.render(report);
        RegressionReport read = ReportJson.fromJson(ReportJson.toJson(report), "test");

        assertThat(text).contains("Which package: COMPLETE, the update of qemu breaks the suite\n")
                .contains("  step 1  edk2 (none) -> 2024-1: not probed\n")
                .contains("  step 2  libvirt 10.0-1 -> 10.1-1: GOOD (3 probes)\n")
                .contains("  step 3  qemu 9.0-1 -> 9.1-1: BAD (3 probes)  <- culprit\n")
                .contains("  confirmed  yes (parent 2/2 good, culprit 2/2 bad)");
        assertThat(read.packageUpdates()).isEqualTo(report.packageUpdates());
    }

    @Test
    void shouldEscapeAPackageNameFromTheRepository() {
        String hostile = ReportFixtures.HOSTILE;
        PackageUpdateSection section = new PackageUpdateSection(List.of(new PackageUpdateSection.Step(1, hostile,
                "1-1", "2-1", ProbeRow.Verdict.BAD, 1)), CommitBisection.Outcome.UNCONFIRMED, hostile, hostile,
                List.of(), null);

        String body = HtmlReport.body(RegressionReport.builder("hunt", Instant.EPOCH).packageUpdates(section).build());

        assertThat(body).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<span class=\"vr-muted\">not run</span>");
    }
}
