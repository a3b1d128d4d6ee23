package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagingChangeSectionTest {
    private static final String ENTRY = "qemu (1:9.1.0+ds-3) unstable; urgency=medium\n\n"
            + "  * d/rules: build with --enable-broken.\n\n -- Jane Doe <jane@example.org>  Wed, 04 Sep 2024 10:00:00 +0200";

    private static final String NOTE = "qemu_9.1.0+ds-3_amd64.deb changelog: line 7 is not a changelog entry header;"
            + " the rest is not read: garbage";

    private static RegressionReport report(PackagingChangeSection change) {
        return RegressionReport.builder("hunt", Instant.parse("2026-12-01T10:00:00Z")).packagingChange(change).build();
    }

    @Test
    void shouldShowBothReleasesAndEachChangelogEntryInHtmlWithoutInlineStyleOrScript() {
        String body = HtmlReport.body(report(new PackagingChangeSection("qemu", "9.1.0", "1:9.1.0+ds-2",
                "1:9.1.0+ds-3", List.of(ENTRY), List.of())));

        assertThat(body).contains("<section class=\"vr-packaging-change\">\n<h3>Packaging change</h3>")
                .contains("<b>qemu</b> 1:9.1.0+ds-2 → 1:9.1.0+ds-3: both built from the same upstream source 9.1.0;")
                .contains("<pre class=\"vr-changelog\">qemu (1:9.1.0+ds-3) unstable; urgency=medium\n")
                .contains(" -- Jane Doe &lt;jane@example.org&gt;  Wed, 04 Sep 2024")
                .doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void shouldSayWhenTheArchiveHeldNoChangelogEntries() {
        String body = HtmlReport.body(report(new PackagingChangeSection("xen", null, "4.17.5-1", "4.17.5-2", null, null)));

        assertThat(body).contains("<b>xen</b> 4.17.5-1 → 4.17.5-2: both built from the same upstream source;")
                .contains("no changelog entries between the two releases were found in the archive");
    }

    @Test
    void shouldEscapeAHostileEntryAndPackageName() {
        String hostile = ReportFixtures.HOSTILE;
        String body = HtmlReport.body(report(new PackagingChangeSection(hostile, hostile, "1-1", "1-2", List.of(hostile),
                List.of(hostile))));

        assertThat(body).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<ul class=\"vr-muted vr-changelog-notes\">\n<li>&lt;script&gt;");
    }

    @Test
    void shouldKeepTheSectionThroughJson() throws ReportFormatException {
        RegressionReport report = report(new PackagingChangeSection("qemu", "9.1.0 (01140da4e8)", "9.1.0-1", "9.1.0-2",
                List.of(ENTRY), List.of(NOTE)));

        RegressionReport read = ReportJson.fromJson(ReportJson.toJson(report), "test");

        assertThat(read.packagingChange()).isEqualTo(report.packagingChange());
        assertThat(ReportJson.fromJson(ReportJson.toJson(report(null)), "test").packagingChange()).isNull();
    }

    @Test
    void shouldRequireThePackageAndBothVersions() {
        assertThatNullPointerException().isThrownBy(() -> new PackagingChangeSection("qemu", "9.1.0", null, "9.1.0-2", null, null))
                .withMessage("lastGood");
    }

    @Test
    void shouldListWhyEntriesAreMissingUnderThem() {
        String body = HtmlReport.body(report(new PackagingChangeSection("qemu", "9.1.0", "1:9.1.0+ds-2",
                "1:9.1.0+ds-3", List.of(ENTRY), List.of(NOTE))));

        assertThat(body).contains("</pre>\n<ul class=\"vr-muted vr-changelog-notes\">\n<li>" + NOTE + "</li>\n</ul>\n"
                + "</section>");
        assertThat(HtmlReport.body(report(new PackagingChangeSection("qemu", "9.1.0", "1:9.1.0+ds-2",
                "1:9.1.0+ds-3", List.of(ENTRY), null)))).doesNotContain("vr-changelog-notes");
    }

    @Test
    void shouldReadAReportWrittenBeforeTheNotesWereKept() throws ReportFormatException {
        String json = ReportJson.toJson(report(new PackagingChangeSection("qemu", "9.1.0", "9.1.0-1", "9.1.0-2",
                List.of(ENTRY), List.of(NOTE)))).replaceAll(",\\s*\"changelogNotes\"\\s*:\\s*\\[[^\\]]*\\]", "");
        assertThat(json).doesNotContain("changelogNotes");

        assertThat(ReportJson.fromJson(json, "old report").packagingChange().changelogNotes()).isEmpty();
    }
}
