package org.virtregress.report;

import java.util.List;
import java.util.Locale;
import org.virtregress.install.PackageChange;

/**
 * Renders a {@link RegressionReport} as plain text for a console or a mail body: the verdict line,
 * the culprit, which package of several updated at once, the probes, the package changes and the
 * failing tests. Control characters from
 * repositories and test output are replaced so that they cannot drive a terminal. Thread-safe.
 */
public final class TextReport {
    private static final int OUTPUT_LINES = 10;

    private TextReport() {
    }

    /**
     * Renders the summary.
     *
     * @param report the report
     * @return the text, lines ending in {@code \n}
     */
    public static String render(RegressionReport report) {
        StringBuilder out = new StringBuilder(2048);
        Summary summary = report.effectiveSummary();
        line(out, summary.status().name() + ": " + summary.headline());
        StringBuilder meta = new StringBuilder(report.title());
        if (report.jobId() != null) {
            meta.append(" | job ").append(report.jobId());
        }
        if (report.buildId() != null) {
            meta.append(" | build ").append(report.buildId());
        }
        line(out, meta.append(" | ").append(Html.time(report.generatedAt())).toString());
        bisection(out, report.commitBisection(), report.buildBisection(), report.packageUpdates());
        packages(out, report);
        tests(out, report.suites());
        return out.toString();
    }

    private static void bisection(StringBuilder out, CommitBisection commits, BuildBisectionSection builds,
                                  PackageUpdateSection updates) {
        if (commits != null) {
            commits(out, commits);
        }
        if (updates != null) {
            packageUpdates(out, updates);
        }
        if (builds != null) {
            out.append('\n');
            line(out, "Build bisection of " + builds.packageName());
            line(out, "  last good  " + version(builds.lastGood()));
            line(out, "  first bad  " + version(builds.firstBad()));
            for (ProbeRow p : builds.probes()) {
                line(out, "  probed     " + p.candidate() + " " + p.verdict()
                        + (p.remaining() == null ? "" : ", " + p.remaining() + " left"));
            }
            if (builds.confirmation() != null) {
                line(out, "  confirmed  " + (builds.confirmation().confirmed() ? "yes" : "no") + " ("
                        + builds.confirmation().describe() + ")");
            }
            if (builds.confidence() != null) {
                line(out, "  flaky      " + builds.confidence().describe());
            }
        }
        if (commits != null) {
            probes(out, commits);
        }
    }

    private static void packageUpdates(StringBuilder out, PackageUpdateSection updates) {
        out.append('\n');
        PackageUpdateSection.Step culprit = updates.culpritStep();
        line(out, "Which package: " + updates.outcome() + (culprit == null ? ""
                : ", the update of " + culprit.packageName() + " breaks the suite")
                + (updates.message() == null ? "" : ": " + updates.message()));
        for (PackageUpdateSection.Step step : updates.steps()) {
            line(out, String.format(Locale.ROOT, "  step %d  %s %s -> %s: %s%s", step.step(), step.packageName(),
                    orElse(step.from(), "(none)"), orElse(step.to(), "(removed)"),
                    step.verdict() == null ? "not probed" : step.verdict() + " (" + step.runs() + " probe"
                            + (step.runs() == 1 ? "" : "s") + ")", step.equals(culprit) ? "  <- culprit" : ""));
        }
        if (updates.confirmation() != null) {
            line(out, "  confirmed  " + (updates.confirmation().confirmed() ? "yes" : "no") + " ("
                    + updates.confirmation().describe() + ")");
        }
    }

    private static void commits(StringBuilder out, CommitBisection commits) {
        out.append('\n');
        Commit culprit = commits.culprit();
        if (culprit != null) {
            line(out, "Culprit");
            line(out, "  commit     " + culprit.hash());
            line(out, "  subject    " + nullToEmpty(culprit.subject()));
            line(out, "  author     " + nullToEmpty(culprit.author()) + (culprit.email() == null ? "" : " <" + culprit.email() + ">"));
            if (culprit.date() != null) {
                line(out, "  date       " + Html.time(culprit.date()));
            }
            if (!culprit.filesChanged().isEmpty()) {
                line(out, "  files      " + String.join(", ", HtmlReport.firstFiles(culprit.filesChanged()))
                        + (culprit.filesChanged().size() > HtmlReport.firstFiles(culprit.filesChanged()).size() ? ", ..." : ""));
            }
        } else {
            line(out, "No single culprit");
            for (Commit c : commits.candidates()) {
                line(out, "  candidate  " + c.shortHash() + " " + nullToEmpty(c.subject()));
            }
        }
        line(out, "  not in     " + String.join(", ", commits.good()));
        line(out, "  outcome    " + commits.outcome() + (commits.message() == null ? "" : ": " + commits.message()));
        if (commits.confirmation() != null) {
            line(out, "  confirmed  " + (commits.confirmation().confirmed() ? "yes" : "no") + " ("
                    + commits.confirmation().describe() + ")");
        }
        if (commits.confidence() != null) {
            line(out, "  flaky      " + commits.confidence().describe());
        }
        if (commits.repository() != null) {
            line(out, "  repository " + commits.repository());
        }
    }

    private static void probes(StringBuilder out, CommitBisection commits) {
        if (commits.probes().isEmpty()) {
            return;
        }
        out.append('\n');
        line(out, "Probes (" + commits.candidateCount() + " candidate commits)");
        int n = 1;
        for (ProbeRow p : commits.probes()) {
            line(out, String.format(Locale.ROOT, "  %2d  %-12s  %-4s  %d run%s  %11s  %5s left  %s", n++,
                    Html.shortHash(p.candidate()), p.verdict(), p.runs(), p.runs() == 1 ? " " : "s",
                    Html.duration(p.duration()), p.remaining() == null ? "?" : p.remaining().toString(),
                    nullToEmpty(p.subject())));
        }
    }

    private static void packages(StringBuilder out, RegressionReport report) {
        if (!report.newBuilds().isEmpty()) {
            out.append('\n');
            line(out, "New builds");
            for (NewBuildRow b : report.newBuilds()) {
                line(out, "  " + b.name() + " " + (b.oldVersion() == null ? "(new)" : b.oldVersion()) + " -> "
                        + b.newVersion() + (b.arch() == null ? "" : " " + b.arch()));
            }
        }
        InstallRecord install = report.install();
        if (install != null) {
            out.append('\n');
            line(out, "Install with " + install.manager() + (install.root() == null ? "" : " into " + install.root()) + ": "
                    + (install.success() ? "ok" : "FAILED") + (install.rolledBack() ? ", rolled back" : ""));
            for (PackageChange change : install.packages()) {
                line(out, "  " + change.name() + " " + orElse(PackageChange.displayVersion(change.from()), "(none)")
                        + " -> " + orElse(PackageChange.displayVersion(change.to()), "(removed)"));
            }
        }
    }

    private static void tests(StringBuilder out, List<SuiteReport> suites) {
        for (SuiteReport suite : suites) {
            SuiteReport.Totals t = suite.totals();
            out.append('\n');
            line(out, "Suite " + suite.name() + ": " + suite.status() + " (" + t.total() + " tests, " + t.passed() + " passed, "
                    + t.failed() + " failed, " + t.flaky() + " flaky, " + t.skipped() + " skipped, " + t.errors() + " errors)");
            for (TestCaseReport c : suite.cases()) {
                if (c.verdict() == TestCaseReport.Verdict.FAIL || c.verdict() == TestCaseReport.Verdict.ERROR
                        || c.verdict() == TestCaseReport.Verdict.FLAKY) {
                    line(out, String.format(Locale.ROOT, "  %-5s %s%s", c.verdict(), c.name(),
                            c.reason() == null ? "" : ": " + c.reason()));
                    if (c.verdict() != TestCaseReport.Verdict.FLAKY && c.output() != null) {
                        tail(out, c.output());
                    }
                }
            }
        }
    }

    private static void tail(StringBuilder out, String output) {
        String[] lines = output.split("\n", -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--;
        }
        for (int i = Math.max(0, end - OUTPUT_LINES); i < end; i++) {
            line(out, "        | " + lines[i]);
        }
    }

    private static String version(BuildBisectionSection.Build build) {
        if (build == null) {
            return "(none)";
        }
        return build.version() + (build.sourceCommit() == null ? "" : " (source " + build.sourceCommit() + ")");
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Appends one line, with control characters (escape sequences, carriage returns) made visible as '?'. */
    private static void line(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 && c != '\t' || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
        }
        out.append('\n');
    }
}
