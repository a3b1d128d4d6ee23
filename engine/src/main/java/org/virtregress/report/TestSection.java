package org.virtregress.report;

import static org.virtregress.report.Html.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The test results of the HTML report: one block per suite with its totals, then its failed,
 * errored, flaky and skipped cases (in that order, failures highlighted red and flaky ones amber);
 * passed cases are counted, not listed.
 */
final class TestSection {
    private static final Comparator<TestCaseReport> WORST_FIRST = Comparator.comparingInt(TestSection::rank);

    private TestSection() {
    }

    static void render(StringBuilder html, List<SuiteReport> suites) {
        if (suites.isEmpty()) {
            return;
        }
        html.append("<section class=\"vr-tests\">\n<h3>Test results</h3>\n");
        for (SuiteReport suite : suites) {
            suite(html, suite);
        }
        html.append("</section>\n");
    }

    private static void suite(StringBuilder html, SuiteReport suite) {
        SuiteReport.Totals t = suite.totals();
        html.append("<h4>").append(Html.badge(suite.status())).append(' ').append(escape(suite.name())).append("</h4>\n")
                .append("<p class=\"vr-totals\">").append(t.total()).append(" tests: ").append(t.passed()).append(" passed, ")
                .append(t.failed()).append(" failed, ").append(t.flaky()).append(" flaky, ").append(t.skipped())
                .append(" skipped, ").append(t.errors()).append(" errors</p>\n");
        List<TestCaseReport> shown = suite.cases().stream().filter(c -> c.verdict() != TestCaseReport.Verdict.PASS)
                .sorted(WORST_FIRST).toList();
        if (shown.isEmpty()) {
            return;
        }
        html.append("<table class=\"vr-case-table\">\n<thead><tr><th>verdict</th><th>test</th><th class=\"vr-num\">attempts</th>")
                .append("<th class=\"vr-num\">duration</th><th>reason</th></tr></thead>\n<tbody>\n");
        for (TestCaseReport c : shown) {
            html.append("<tr class=\"vr-row-").append(c.verdict().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                    .append(Html.badge(c.verdict())).append("</td><td><code title=\"").append(escape(c.id())).append("\">")
                    .append(escape(c.name())).append("</code></td><td class=\"vr-num\">").append(c.attempts())
                    .append("</td><td class=\"vr-num\">").append(escape(Html.duration(c.duration()))).append("</td><td class=\"vr-wrap\">")
                    .append(escape(c.reason()));
            if (c.output() != null && !c.output().isEmpty()) {
                html.append("<details").append(c.verdict() == TestCaseReport.Verdict.FAIL ? " open" : "")
                        .append("><summary>output</summary><pre>").append(escape(c.output())).append("</pre></details>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static int rank(TestCaseReport c) {
        return switch (c.verdict()) {
            case FAIL -> 0;
            case ERROR -> 1;
            case FLAKY -> 2;
            case SKIP -> 3;
            case PASS -> 4;
        };
    }
}
