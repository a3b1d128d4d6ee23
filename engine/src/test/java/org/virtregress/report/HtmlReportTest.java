package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    private static final Pattern BAR_TITLE = Pattern.compile("<g><title>([^<]*)</title>");

    @Test
    void shouldEscapeTheFiveSpecialCharactersAndControlCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.escape("]]>")).isEqualTo("]]&gt;");
        assertThat(Html.escape("a\u001b[31mb\u0000c\td\ne")).isEqualTo("a\uFFFD[31mb\uFFFDc\td\ne");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void shouldShowHostileStringsAsTextOnly() {
        String page = HtmlReport.page(ReportFixtures.hostile());

        assertThat(page).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContain("<b>bold</b>")
                .doesNotContain("<svg onload")
                .doesNotContain("]]></desc>")
                .doesNotContain("</pre><script")
                .doesNotContainIgnoringCase("href=\"javascript:")
                .doesNotContain("\u001b");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; ]]&gt; "
                        + "&lt;img src=x onerror=alert(2)&gt;")
                .contains("Mallory &lt;b&gt;&quot;O&#39;Brien&quot;&lt;/b&gt;")
                .contains("m@x&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;")
                .contains("pkg&lt;script&gt;alert(3)&lt;/script&gt;")
                .contains("&lt;svg onload=alert(5)&gt;")
                .contains("<code>javascript:alert(8)</code>")
                .contains("href=\"https://ci.example.org/log?a=1&amp;b=&quot; onmouseover=&quot;alert(9)\"")
                .contains("&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;")
                .contains("]]&gt;&lt;/desc&gt;&lt;script&gt;alert(11)&lt;/script&gt;")
                .contains("the update of <b>pkg&lt;script&gt;alert(12)&lt;/script&gt;</b>")
                .contains("1.1-1&quot;&gt;&lt;script&gt;alert(13)&lt;/script&gt;")
                .contains("+pkg&lt;script&gt;alert(14)&lt;/script&gt; 1.1-1");
        assertThat(eventHandlerAttributes(page)).isEmpty();
    }

    @Test
    void shouldEscapeHostileStringsInsideTheSvgToo() {
        String svg = firstSvg(HtmlReport.fragment(ReportFixtures.hostile()));

        assertThat(svg).contains("Probe 1: 78d3981eb589705dbae28779b68bc57462558962 &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;")
                .doesNotContain("<script");
    }

    @Test
    void shouldPutTheVerdictAndCulpritFirstThenChartProbesPackagesAndTests() {
        String html = HtmlReport.fragment(ReportFixtures.complete());

        List<Integer> positions = List.of(html.indexOf("Regression introduced by 41e6fc53b7de"), html.indexOf("Bug introduced in"),
                html.indexOf("Bug not present in"), html.indexOf("<svg"), html.indexOf("class=\"vr-probe-table\""),
                html.indexOf("<h4>New builds</h4>"), html.indexOf("<h4>Install</h4>"), html.indexOf("<h3>Test results</h3>"));
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(html).contains("<code>" + ReportFixtures.CULPRIT + "</code>")
                .contains("Renée Åkesson &lt;renee.akesson@example.org&gt;")
                .contains("<b>confirmed</b>: parent 3/3 good, culprit 3/3 bad")
                .contains("<span class=\"vr-badge vr-b-complete\">COMPLETE</span>");
    }

    @Test
    void shouldDrawOneBarPerProbeAfterTheWholeRange() {
        String svg = firstSvg(HtmlReport.fragment(ReportFixtures.complete()));

        List<String> bars = new ArrayList<>();
        Matcher m = BAR_TITLE.matcher(svg);
        while (m.find()) {
            bars.add(m.group(1));
        }
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .contains("<title>Range narrowing of commits: 214 candidates, 8 probes, 1 remaining</title>")
                .contains(">good</text>").contains(">bad</text>").contains(">skip</text>").contains(">weak</text>");
        assertThat(bars).hasSize(9);
        assertThat(bars.get(0)).isEqualTo("Whole range: 214 candidates");
        assertThat(bars.get(6)).startsWith("Probe 6: ").endsWith("is weak, 7 remaining");
        assertThat(bars.get(8)).isEqualTo("Probe 8: " + ReportFixtures.CULPRIT
                + " hw/block/virtio-blk: skip flush for FUA writes is bad, 1 remaining");
        assertThat(count(svg, "fill=\"" + NarrowingChart.colour(ProbeRow.Verdict.BAD) + "\"")).isEqualTo(1 + 3);
        assertThat(count(svg, "fill=\"" + NarrowingChart.colour(ProbeRow.Verdict.GOOD) + "\"")).isEqualTo(1 + 3);
        assertThat(count(svg, "fill=\"" + NarrowingChart.colour(ProbeRow.Verdict.SKIP) + "\"")).isEqualTo(1 + 1);
        assertThat(count(svg, "fill=\"" + NarrowingChart.colour(ProbeRow.Verdict.WEAK) + "\"")).isEqualTo(1 + 1);
    }

    @Test
    void shouldThinTheLabelsOfALongBisection() {
        List<ProbeRow> probes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            probes.add(new ProbeRow(i + 1, "build-" + i, null, i % 2 == 0 ? ProbeRow.Verdict.SKIP : ProbeRow.Verdict.WEAK, 1, null,
                    null, 60 - i));
        }

        String svg = NarrowingChart.svg("builds", 61, probes);

        assertThat(count(svg, "<g><title>")).isEqualTo(61);
        assertThat(count(svg, "font-size=\"12\" font-weight=\"600\"")).isEqualTo(1 + 30);
        assertThat(svg).contains(">60</text>").doesNotContain(">build-");
    }

    @Test
    void shouldScopeEveryStyleRuleToTheFragment() {
        String html = HtmlReport.fragment(ReportFixtures.complete());
        String css = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));

        assertThat(html).startsWith("<div class=\"virt-regress-report\">\n<style>").endsWith("</div>\n");
        for (String rule : css.replaceAll("@media[^{]*\\{", "").split("}")) {
            if (rule.isBlank()) {
                continue;
            }
            for (String selector : rule.substring(0, rule.indexOf('{')).split(",")) {
                assertThat(selector.strip()).as(rule).startsWith(".virt-regress-report");
            }
        }
    }

    @Test
    void shouldRenderABodyThatAStrictContentSecurityPolicyAllows() {
        String body = HtmlReport.body(ReportFixtures.complete());
        String fragment = HtmlReport.fragment(ReportFixtures.complete());

        assertThat(body).startsWith("<div class=\"virt-regress-report\">\n<header").endsWith("</div>\n")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain("<script")
                .doesNotContainPattern("<[^>]*\\son[a-z]+=").doesNotContain("javascript:");
        assertThat(fragment).contains("<style>\n" + HtmlReport.css() + "</style>\n")
                .endsWith(body.substring(body.indexOf('\n') + 1));
        assertThat(HtmlReport.class.getClassLoader().getResource(HtmlReport.STYLESHEET)).isNotNull();
    }

    @Test
    void shouldMakeAPageThatLoadsNothingAndRunsNoScript() {
        String page = HtmlReport.page(ReportFixtures.complete());

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'")
                .contains("<title>REGRESSION: qemu on fedora-40 x86_64</title>")
                .contains(HtmlReport.fragment(ReportFixtures.complete()))
                .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(")
                .doesNotContain("@import");
    }

    @Test
    void shouldShowTheRemainingCandidatesOfAnInconclusiveRange() {
        String html = HtmlReport.fragment(ReportFixtures.inconclusive());

        assertThat(html).contains("<span class=\"vr-badge vr-b-inconclusive\">INCONCLUSIVE</span>")
                .contains("one of 3 commits")
                .contains("2 candidates could not be built; the culprit is one of 3 commits")
                .contains("<h3>Remaining candidates</h3>")
                .contains("qemu: use -blockdev for cdrom on hotplug")
                .contains("<span class=\"vr-muted\">not run</span>")
                .doesNotContain(" vr-row-culprit\"");
        assertThat(html.indexOf("Remaining candidates")).isLessThan(html.indexOf("<svg"));
    }

    @Test
    void shouldRenderAReportWithOnlyAPollAndASuite() {
        String html = HtmlReport.fragment(ReportFixtures.pollAndSuite());

        assertThat(html).contains("<span class=\"vr-badge vr-b-pass\">PASS</span><h2>All tests passed</h2>")
                .contains("xen-hypervisor-4.17-amd64").contains("4.17.5+23-ga4e5191dc0-1")
                .contains("2 tests: 2 passed, 0 failed")
                .doesNotContain("<svg").doesNotContain("Bug introduced").doesNotContain("vr-case-table");
    }

    @Test
    void shouldListFailedBeforeFlakyAndSkippedAndCountPassedCasesOnly() {
        String html = HtmlReport.fragment(ReportFixtures.complete());
        String tests = html.substring(html.indexOf("<h3>Test results</h3>"));

        assertThat(tests.indexOf("vr-row-fail")).isPositive().isLessThan(tests.indexOf("vr-row-flaky"));
        assertThat(tests.indexOf("vr-row-flaky")).isLessThan(tests.indexOf("vr-row-skip"));
        assertThat(tests).contains("9 tests: 6 passed, 1 failed, 1 flaky, 1 skipped, 0 errors")
                .contains("<details open><summary>output</summary><pre># writing 64 MiB")
                .doesNotContain("kernel boots");
    }

    @Test
    void shouldShowInstallVersionsBeforeAndAfter() {
        String html = HtmlReport.fragment(ReportFixtures.complete());

        assertThat(html).contains("<tr><td><b>qemu-img</b></td><td>2:8.2.2-1.fc40</td><td class=\"vr-arrow\">→</td>"
                + "<td class=\"vr-changed\">2:8.2.3-1.fc40</td></tr>")
                .contains("<tr><td><b>edk2-ovmf</b></td><td>20240214-2.fc40</td><td class=\"vr-arrow\">→</td>"
                        + "<td>20240214-2.fc40</td></tr>");
    }

    @Test
    void shouldLinkOnlyWebAndRelativeLogReferences() {
        assertThat(HtmlReport.logLink("probes/01.log")).isEqualTo("<a href=\"probes/01.log\" title=\"probes/01.log\">log</a>");
        assertThat(HtmlReport.logLink("https://ci.example.org/1.log")).startsWith("<a href=\"https://ci.example.org/1.log\"");
        assertThat(HtmlReport.logLink(" JavaScript:alert(1)")).isEqualTo("<code> JavaScript:alert(1)</code>");
        assertThat(HtmlReport.logLink("data:text/html,x")).startsWith("<code>");
        assertThat(HtmlReport.logLink("//evil.example/x")).startsWith("<code>");
        assertThat(HtmlReport.logLink(null)).isEmpty();
    }

    /** Returns every real event-handler attribute: in serialized HTML a raw quote after '=' only starts an attribute value. */
    static List<String> eventHandlerAttributes(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<[a-zA-Z][^>]*\\s(on[a-zA-Z]+)\\s*=\\s*[\"']").matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String firstSvg(String html) {
        Matcher m = SVG.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static RegressionReport flaky(String subject) {
        CommitBisection base = ReportFixtures.complete().commitBisection();
        Confidence confidence = new Confidence(0.99, 0.9931, 0.9957, 1000, 212, 7, 3, 0.41, 0.012, List.of(
                new Confidence.Position("a".repeat(40), 0.004, 12, 0),
                new Confidence.Position(base.culprit().hash(), 0.9931, 30, 13),
                new Confidence.Position(subject, 0.0029, 9, 4)));
        CommitBisection commits = new CommitBisection(base.repository(), base.good(), base.bad(), base.outcome(),
                base.message(), base.candidateCount(), base.probes(), base.culprit(), base.candidates(),
                base.confirmation(), confidence);
        return RegressionReport.builder("flaky", java.time.Instant.parse("2024-05-01T00:00:00Z"))
                .commitBisection(commits).build();
    }

    @Test
    void shouldDrawThePosteriorOfAFlakyBisectionWithItsConfidence() {
        String html = HtmlReport.fragment(flaky("b".repeat(40)));

        assertThat(html).contains("Posterior over the final range")
                .contains("confidence 0.9931 (target 0.99), introduced by the culprit 0.9957; the bad end failed 3 of 7 runs");
        List<String> svgs = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        String posterior = svgs.stream().filter(svg -> svg.contains("Posterior over the final range")).findFirst()
                .orElseThrow();
        assertThat(posterior.split("<rect ", -1)).hasSize(4);
        assertThat(posterior).contains("#cf222e").contains("probability 0.9931, 13 of 30 runs failed")
                .doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void shouldEscapeHostileTextInThePosteriorChart() {
        String html = HtmlReport.fragment(flaky(ReportFixtures.HOSTILE));

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(eventHandlerAttributes(html)).isEmpty();
    }
}
