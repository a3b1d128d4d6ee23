package org.virtregress.report;

import static org.virtregress.report.Html.escape;

/**
 * The "which package" part of the HTML report: the package named and its confirmation, then the
 * updates in the order they were applied, each with the verdict of the set after it, the culprit's
 * row highlighted.
 */
final class PackageUpdateHtml {
    private PackageUpdateHtml() {
    }

    static void render(StringBuilder html, PackageUpdateSection updates) {
        if (updates == null) {
            return;
        }
        html.append("<section class=\"vr-package-updates\">\n<h3>Which package</h3>\n<p class=\"vr-totals\">")
                .append(Html.badge(updates.outcome())).append(' ');
        PackageUpdateSection.Step culprit = updates.culpritStep();
        if (culprit != null) {
            html.append("the update of <b>").append(escape(culprit.packageName())).append("</b> (")
                    .append(escape(version(culprit.from(), "not installed"))).append(" → ")
                    .append(escape(version(culprit.to(), "removed"))).append(") breaks the suite");
        } else {
            html.append("no single package named");
        }
        if (updates.message() != null) {
            html.append(": ").append(escape(updates.message()));
        }
        html.append("</p>\n<table class=\"vr-kv\">\n<tr><th>Order</th><td>").append(updates.steps().size())
                .append(" updates applied one at a time to the last good set</td></tr>\n<tr><th>Confirmation</th><td>");
        Confirmation confirmation = updates.confirmation();
        if (confirmation == null) {
            html.append("<span class=\"vr-muted\">not run</span>");
        } else {
            html.append(confirmation.confirmed() ? "<b>confirmed</b>: " : "<b>not confirmed</b>: ")
                    .append(escape(confirmation.describe()));
        }
        html.append("</td></tr>\n</table>\n<table class=\"vr-probe-table\">\n<thead><tr><th class=\"vr-num\">step</th>")
                .append("<th>package</th><th>from</th><th></th><th>to</th><th>verdict of the set</th>")
                .append("<th class=\"vr-num\">probes</th></tr></thead>\n<tbody>\n");
        for (PackageUpdateSection.Step step : updates.steps()) {
            String row = step.verdict() == null ? "" : "vr-row-" + step.verdict().name().toLowerCase(java.util.Locale.ROOT);
            if (step.equals(culprit)) {
                row += " vr-row-culprit";
            }
            html.append("<tr").append(row.isBlank() ? "" : " class=\"" + row.strip() + "\"").append("><td class=\"vr-num\">")
                    .append(step.step()).append("</td><td><b>").append(escape(step.packageName())).append("</b></td><td>")
                    .append(step.from() == null ? "<span class=\"vr-muted\">not installed</span>" : escape(step.from()))
                    .append("</td><td class=\"vr-arrow\">→</td><td>")
                    .append(step.to() == null ? "<span class=\"vr-muted\">removed</span>" : escape(step.to()))
                    .append("</td><td>").append(step.verdict() == null ? "<span class=\"vr-muted\">not probed</span>"
                            : Html.badge(step.verdict())).append("</td><td class=\"vr-num\">").append(step.runs())
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String version(String version, String absent) {
        return version == null ? absent : version;
    }
}
