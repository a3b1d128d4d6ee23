package org.virtregress.report;

import static org.virtregress.report.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.virtregress.install.PackageChange;

/**
 * Renders a {@link RegressionReport} as HTML: a fragment that a build page embeds as it is, and a
 * self-contained page around the same fragment. The fragment is one {@code <div class="virt-regress-report">}
 * carrying its own style scoped to that class; it needs no script and loads nothing from outside.
 * Order: the verdict and culprit, which package of several updated at once, the picture of the
 * range narrowing, the probes, the packages, the test results. Every user- or repository-controlled string is escaped. Thread-safe.
 */
public final class HtmlReport {
    /** The class path resource of the report's style sheet, scoped to {@code .virt-regress-report}. */
    public static final String STYLESHEET = "org/virtregress/report/report.css";

    private static final String CSS = loadCss();
    private static final int SHOWN_FILES = 20;

    private HtmlReport() {
    }

    /**
     * Renders the fragment a build page embeds.
     *
     * @param report the report
     * @return one {@code <div class="virt-regress-report">} element with its scoped style
     */
    public static String fragment(RegressionReport report) {
        String body = body(report);
        return "<div class=\"virt-regress-report\">\n<style>\n" + CSS + "</style>\n"
                + body.substring("<div class=\"virt-regress-report\">\n".length());
    }

    /**
     * Renders the fragment without its style, for pages whose Content-Security-Policy forbids inline
     * style: the page links {@link #STYLESHEET} (the text of {@link #css()}) instead. It holds no
     * {@code <style>}, no {@code style} attribute and no script.
     *
     * @param report the report
     * @return one {@code <div class="virt-regress-report">} element
     */
    public static String body(RegressionReport report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<div class=\"virt-regress-report\">\n");
        head(html, report);
        CulpritSection.render(html, report);
        PackageUpdateHtml.render(html, report.packageUpdates());
        PackagingChangeHtml.render(html, report.packagingChange());
        narrowing(html, report);
        probes(html, report);
        packages(html, report);
        TestSection.render(html, report.suites());
        html.append("</div>\n");
        return html.toString();
    }

    /**
     * Renders a self-contained page: doctype, inline style, a policy that forbids scripts and
     * external resources, and the fragment.
     *
     * @param report the report
     * @return the whole HTML document
     */
    public static String page(RegressionReport report) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(report.effectiveSummary().status().name() + ": " + report.title()) + "</title>\n"
                + "<style>body{margin:0;padding:8px;background:#f6f8fa}</style>\n"
                + "</head>\n<body>\n" + fragment(report) + "</body>\n</html>\n";
    }

    /**
     * Returns the style sheet the fragment needs, scoped to {@code .virt-regress-report}.
     *
     * @return the CSS text
     */
    public static String css() {
        return CSS;
    }

    private static void head(StringBuilder html, RegressionReport report) {
        Summary summary = report.effectiveSummary();
        html.append("<header class=\"vr-head vr-").append(summary.status().name().toLowerCase(Locale.ROOT)).append("\">\n")
                .append("<div class=\"vr-headline\">").append(Html.badge(summary.status()))
                .append("<h2>").append(escape(summary.headline())).append("</h2></div>\n")
                .append("<p class=\"vr-meta\">").append(escape(report.title()));
        if (report.jobId() != null) {
            html.append(" · job ").append(escape(report.jobId()));
        }
        if (report.buildId() != null) {
            html.append(" · build ").append(escape(report.buildId()));
        }
        html.append(" · ").append(escape(Html.time(report.generatedAt()))).append("</p>\n</header>\n");
    }

    private static void narrowing(StringBuilder html, RegressionReport report) {
        BuildBisectionSection builds = report.buildBisection();
        CommitBisection commits = report.commitBisection();
        boolean buildChart = builds != null && !builds.probes().isEmpty();
        boolean commitChart = commits != null && !commits.probes().isEmpty();
        if (!buildChart && !commitChart && (commits == null || commits.confidence() == null)
                && (builds == null || builds.confidence() == null)) {
            return;
        }
        html.append("<section class=\"vr-narrowing\">\n<h3>Range narrowing</h3>\n");
        if (commitChart) {
            html.append("<div class=\"vr-chart\">").append(NarrowingChart.svg("commits", commits.candidateCount(), commits.probes()))
                    .append("</div>\n");
        }
        if (commits != null && commits.confidence() != null && !commits.confidence().posterior().isEmpty()) {
            html.append("<h4>Posterior over the final range</h4>\n<p>").append(escape(commits.confidence().describe()))
                    .append("</p>\n<div class=\"vr-chart\">").append(PosteriorChart.svg(commits.confidence()))
                    .append("</div>\n");
        }
        if (buildChart) {
            html.append("<h4>Builds of ").append(escape(builds.packageName())).append("</h4>\n<div class=\"vr-chart\">")
                    .append(NarrowingChart.svg("builds of " + nullToEmpty(builds.packageName()),
                            builds.candidateCount(), builds.probes()))
                    .append("</div>\n");
        }
        if (builds != null && builds.confidence() != null && !builds.confidence().posterior().isEmpty()) {
            html.append("<h4>Posterior over the final range of builds</h4>\n<p>")
                    .append(escape(builds.confidence().describe())).append("</p>\n<div class=\"vr-chart\">")
                    .append(PosteriorChart.svg(builds.confidence(), "builds")).append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void probes(StringBuilder html, RegressionReport report) {
        CommitBisection commits = report.commitBisection();
        BuildBisectionSection builds = report.buildBisection();
        PackageUpdateSection updates = report.packageUpdates();
        if ((commits == null || commits.probes().isEmpty()) && (builds == null || builds.probes().isEmpty())
                && (updates == null || updates.probes().isEmpty())) {
            return;
        }
        html.append("<section class=\"vr-probes\">\n<h3>Probes</h3>\n");
        if (updates != null && !updates.probes().isEmpty()) {
            html.append("<h4>Package updates</h4>\n");
            probeTable(html, updates.probes(), "step", null);
        }
        if (builds != null && !builds.probes().isEmpty()) {
            html.append("<h4>Package builds</h4>\n");
            probeTable(html, builds.probes(), "build", null);
        }
        if (commits != null && !commits.probes().isEmpty()) {
            html.append("<h4>Commits").append(commits.repository() == null ? "" : " of <code>" + escape(commits.repository())
                    + "</code>").append("</h4>\n");
            probeTable(html, commits.probes(), "commit", commits.culprit() == null ? null : commits.culprit().hash());
        }
        html.append("</section>\n");
    }

    private static void probeTable(StringBuilder html, List<ProbeRow> probes, String what, String culprit) {
        html.append("<table class=\"vr-probe-table\">\n<thead><tr><th class=\"vr-num\">#</th><th class=\"vr-num\">round</th><th>")
                .append(what).append("</th><th>subject</th><th>verdict</th><th class=\"vr-num\">runs</th>")
                .append("<th class=\"vr-num\">duration</th><th class=\"vr-num\">remaining</th><th>log</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < probes.size(); i++) {
            ProbeRow p = probes.get(i);
            String row = "vr-row-" + p.verdict().name().toLowerCase(Locale.ROOT)
                    + (p.candidate().equals(culprit) ? " vr-row-culprit" : "");
            html.append("<tr class=\"").append(row).append("\"><td class=\"vr-num\">").append(i + 1)
                    .append("</td><td class=\"vr-num\">").append(p.round())
                    .append("</td><td><code title=\"").append(escape(p.candidate())).append("\">")
                    .append(escape(Html.shortHash(p.candidate()))).append("</code></td><td class=\"vr-wrap\">").append(escape(p.subject()))
                    .append("</td><td>").append(Html.badge(p.verdict())).append("</td><td class=\"vr-num\">").append(p.runs())
                    .append("</td><td class=\"vr-num\">").append(escape(Html.duration(p.duration())))
                    .append("</td><td class=\"vr-num\">").append(p.remaining() == null ? "" : p.remaining())
                    .append("</td><td>").append(logLink(p.log())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Returns a link to a log when its reference is safe as a link target, else the reference as text. */
    static String logLink(String log) {
        if (log == null || log.isBlank()) {
            return "";
        }
        if (Html.isSafeLink(log)) {
            return "<a href=\"" + escape(log.strip()) + "\" title=\"" + escape(log) + "\">log</a>";
        }
        return "<code>" + escape(log) + "</code>";
    }

    private static void packages(StringBuilder html, RegressionReport report) {
        InstallRecord install = report.install();
        if (report.newBuilds().isEmpty() && install == null) {
            return;
        }
        html.append("<section class=\"vr-packages\">\n<h3>Packages</h3>\n");
        if (!report.newBuilds().isEmpty()) {
            html.append("<h4>New builds</h4>\n<table>\n<thead><tr><th>package</th><th>old version</th><th>new version</th>")
                    .append("<th>arch</th><th>repository</th><th>source commit</th><th>checksum</th></tr></thead>\n<tbody>\n");
            for (NewBuildRow b : report.newBuilds()) {
                html.append("<tr><td><b>").append(escape(b.name())).append("</b></td><td class=\"vr-nowrap\">")
                        .append(b.oldVersion() == null ? "<span class=\"vr-muted\">new</span>" : escape(b.oldVersion()))
                        .append("</td><td class=\"vr-changed vr-nowrap\">").append(escape(b.newVersion()))
                        .append("</td><td class=\"vr-nowrap\">").append(escape(b.arch())).append("</td><td class=\"vr-wrap\">")
                        .append(escape(b.repository())).append("</td><td><code title=\"").append(escape(b.sourceCommit())).append("\">")
                        .append(escape(Html.shortHash(b.sourceCommit()))).append("</code></td><td class=\"vr-nowrap\"><code title=\"")
                        .append(escape(b.checksum())).append("\">").append(escape(abbreviate(b.checksum(), 20)))
                        .append("</code></td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        if (install != null) {
            installTable(html, install);
        }
        html.append("</section>\n");
    }

    private static void installTable(StringBuilder html, InstallRecord install) {
        html.append("<h4>Install</h4>\n<p class=\"vr-totals\">")
                .append(Html.badge(install.success() ? SuiteReport.Status.PASSED : SuiteReport.Status.FAILED))
                .append(" with <b>").append(escape(install.manager())).append("</b>");
        if (install.root() != null) {
            html.append(" into <code>").append(escape(install.root())).append("</code>");
        }
        if (install.rolledBack()) {
            html.append(" · rolled back");
        }
        html.append("</p>\n");
        List<PackageChange> packages = install.packages();
        if (!packages.isEmpty()) {
            html.append("<table>\n<thead><tr><th>package</th><th>before</th><th></th><th>after</th></tr></thead>\n<tbody>\n");
            for (PackageChange change : packages) {
                installRow(html, change);
            }
            html.append("</tbody>\n</table>\n");
        }
        if (!install.commands().isEmpty()) {
            html.append("<details><summary>commands (").append(install.commands().size()).append(")</summary><pre>");
            for (String command : install.commands()) {
                html.append(escape(command)).append('\n');
            }
            html.append("</pre></details>\n");
        }
    }

    private static void installRow(StringBuilder html, PackageChange change) {
        String old = PackageChange.displayVersion(change.from());
        String now = PackageChange.displayVersion(change.to());
        html.append("<tr><td><b>").append(escape(change.name())).append("</b></td><td>")
                .append(old == null ? "<span class=\"vr-muted\">not installed</span>" : escape(old))
                .append("</td><td class=\"vr-arrow\">→</td><td").append(change.changed() ? " class=\"vr-changed\"" : "")
                .append('>').append(now == null ? "<span class=\"vr-muted\">removed</span>" : escape(now))
                .append("</td></tr>\n");
    }

    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static List<String> firstFiles(List<String> files) {
        return files.size() <= SHOWN_FILES ? files : new ArrayList<>(files.subList(0, SHOWN_FILES));
    }

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
