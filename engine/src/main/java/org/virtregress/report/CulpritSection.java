package org.virtregress.report;

import static org.virtregress.report.Html.escape;

import java.util.List;

/**
 * The first part of the HTML report after the verdict: "bug introduced in" and "bug not present in"
 * side by side, then the facts of the bisection (outcome, confirmation, range) and, when the range
 * was not narrowed to one commit, the remaining candidates.
 */
final class CulpritSection {
    private CulpritSection() {
    }

    static void render(StringBuilder html, RegressionReport report) {
        CommitBisection commits = report.commitBisection();
        BuildBisectionSection builds = report.buildBisection();
        if (commits == null && builds == null) {
            return;
        }
        html.append("<section class=\"vr-culprit\">\n");
        if (commits != null) {
            introducedCard(html, commits, builds);
            notPresentCard(html, commits, builds);
        } else {
            buildCards(html, builds);
        }
        facts(html, commits, builds);
        html.append("</section>\n");
        if (commits != null && commits.culprit() == null && !commits.candidates().isEmpty()) {
            candidates(html, commits.candidates());
        }
    }

    private static void introducedCard(StringBuilder html, CommitBisection commits, BuildBisectionSection builds) {
        html.append("<div class=\"vr-card vr-card-bad\"><div class=\"vr-card-label\">Bug introduced in</div>\n");
        Commit culprit = commits.culprit();
        if (culprit != null) {
            html.append("<div class=\"vr-card-hash\"><code>").append(escape(culprit.hash())).append("</code></div>\n")
                    .append("<div class=\"vr-card-subject\">").append(escape(culprit.subject())).append("</div>\n")
                    .append("<div class=\"vr-muted\">").append(escape(culprit.author()));
            if (culprit.email() != null) {
                html.append(" &lt;").append(escape(culprit.email())).append("&gt;");
            }
            if (culprit.date() != null) {
                html.append(" · ").append(escape(Html.time(culprit.date())));
            }
            html.append("</div>\n");
        } else {
            int left = commits.candidates().size();
            html.append("<div class=\"vr-card-subject\">").append(left > 0 ? "one of " + left + " commits" : "not found")
                    .append("</div>\n<div class=\"vr-muted\">up to <code>").append(escape(Html.shortHash(commits.bad())))
                    .append("</code></div>\n");
        }
        if (builds != null && builds.firstBad() != null) {
            html.append("<div class=\"vr-muted\">first bad build: <b>").append(escape(builds.packageName())).append(' ')
                    .append(escape(builds.firstBad().version())).append("</b></div>\n");
        }
        html.append("</div>\n");
    }

    private static void notPresentCard(StringBuilder html, CommitBisection commits, BuildBisectionSection builds) {
        html.append("<div class=\"vr-card vr-card-good\"><div class=\"vr-card-label\">Bug not present in</div>\n");
        for (String good : commits.good()) {
            html.append("<div class=\"vr-card-hash\"><code>").append(escape(good)).append("</code></div>\n");
        }
        if (commits.good().isEmpty()) {
            html.append("<div class=\"vr-muted\">no good commit known</div>\n");
        }
        if (builds != null && builds.lastGood() != null) {
            html.append("<div class=\"vr-muted\">last good build: <b>").append(escape(builds.packageName())).append(' ')
                    .append(escape(builds.lastGood().version())).append("</b></div>\n");
        }
        html.append("</div>\n");
    }

    private static void buildCards(StringBuilder html, BuildBisectionSection builds) {
        html.append("<div class=\"vr-card vr-card-bad\"><div class=\"vr-card-label\">Bug introduced in build</div>\n");
        buildLine(html, builds.packageName(), builds.firstBad());
        html.append("</div>\n<div class=\"vr-card vr-card-good\"><div class=\"vr-card-label\">Bug not present in build</div>\n");
        buildLine(html, builds.packageName(), builds.lastGood());
        html.append("</div>\n");
    }

    private static void buildLine(StringBuilder html, String packageName, BuildBisectionSection.Build build) {
        if (build == null) {
            html.append("<div class=\"vr-muted\">none known</div>\n");
            return;
        }
        html.append("<div class=\"vr-card-subject\">").append(escape(packageName)).append(' ').append(escape(build.version()))
                .append("</div>\n");
        if (build.sourceCommit() != null) {
            html.append("<div class=\"vr-muted\">source <code>").append(escape(build.sourceCommit())).append("</code></div>\n");
        }
    }

    private static void facts(StringBuilder html, CommitBisection commits, BuildBisectionSection builds) {
        html.append("<div class=\"vr-card vr-facts\"><table class=\"vr-kv\">\n");
        if (commits != null) {
            html.append("<tr><th>Outcome</th><td>").append(Html.badge(commits.outcome()));
            if (commits.message() != null) {
                html.append(' ').append(escape(commits.message()));
            }
            html.append("</td></tr>\n");
            Confirmation confirmation = commits.confirmation();
            html.append("<tr><th>Confirmation</th><td>");
            if (confirmation == null) {
                html.append("<span class=\"vr-muted\">not run</span>");
            } else {
                html.append(confirmation.confirmed() ? "<b>confirmed</b>: " : "<b>not confirmed</b>: ")
                        .append(escape(confirmation.describe()));
            }
            html.append("</td></tr>\n");
            if (commits.repository() != null) {
                html.append("<tr><th>Repository</th><td><code>").append(escape(commits.repository())).append("</code></td></tr>\n");
            }
            html.append("<tr><th>Range</th><td>").append(commits.candidateCount()).append(" commits, ")
                    .append(commits.probes().size()).append(" probes</td></tr>\n");
            Commit culprit = commits.culprit();
            if (culprit != null && !culprit.filesChanged().isEmpty()) {
                files(html, culprit.filesChanged());
            }
        }
        if (builds != null && commits != null) {
            html.append("<tr><th>Builds</th><td>").append(escape(builds.packageName())).append(": last good ")
                    .append(escape(version(builds.lastGood()))).append(", first bad ").append(escape(version(builds.firstBad())))
                    .append(" (").append(builds.probes().size()).append(" probes)</td></tr>\n");
        } else if (builds != null) {
            html.append("<tr><th>Builds probed</th><td>").append(builds.probes().size()).append("</td></tr>\n");
        }
        if (builds != null && builds.confirmation() != null) {
            Confirmation confirmation = builds.confirmation();
            html.append("<tr><th>Build confirmation</th><td>")
                    .append(confirmation.confirmed() ? "<b>confirmed</b>: " : "<b>not confirmed</b>: ")
                    .append(escape(confirmation.describe())).append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    private static String version(BuildBisectionSection.Build build) {
        return build == null ? "none" : build.version();
    }

    private static void files(StringBuilder html, List<String> files) {
        html.append("<tr><th>Files changed</th><td><ul class=\"vr-files\">");
        for (String file : HtmlReport.firstFiles(files)) {
            html.append("<li><code>").append(escape(file)).append("</code></li>");
        }
        if (files.size() > HtmlReport.firstFiles(files).size()) {
            html.append("<li class=\"vr-muted\">and ").append(files.size() - HtmlReport.firstFiles(files).size())
                    .append(" more</li>");
        }
        html.append("</ul></td></tr>\n");
    }

    private static void candidates(StringBuilder html, List<Commit> candidates) {
        html.append("<h3>Remaining candidates</h3>\n<table>\n<thead><tr><th>commit</th><th>subject</th><th>author</th>")
                .append("<th>date</th></tr></thead>\n<tbody>\n");
        for (Commit c : candidates) {
            html.append("<tr><td><code title=\"").append(escape(c.hash())).append("\">").append(escape(c.shortHash()))
                    .append("</code></td><td>").append(escape(c.subject())).append("</td><td>").append(escape(c.author()))
                    .append("</td><td>").append(escape(Html.time(c.date()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
