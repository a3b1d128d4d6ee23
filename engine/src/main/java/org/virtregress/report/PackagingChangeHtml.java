package org.virtregress.report;

import static org.virtregress.report.Html.escape;

/**
 * The "packaging change" part of the HTML report: the two releases of one upstream source and the
 * changelog entries between them, each entry kept as preformatted, escaped text.
 */
final class PackagingChangeHtml {
    private PackagingChangeHtml() {
    }

    static void render(StringBuilder html, PackagingChangeSection change) {
        if (change == null) {
            return;
        }
        html.append("<section class=\"vr-packaging-change\">\n<h3>Packaging change</h3>\n<p class=\"vr-totals\">")
                .append("<b>").append(escape(change.packageName())).append("</b> ").append(escape(change.lastGood()))
                .append(" → ").append(escape(change.firstBad())).append(": both built from the same upstream source");
        if (change.upstream() != null && !change.upstream().isBlank()) {
            html.append(' ').append(escape(change.upstream()));
        }
        html.append("; the culprit is the packaging change, not an upstream commit</p>\n");
        if (change.changelog().isEmpty()) {
            html.append("<p class=\"vr-muted\">no changelog entries between the two releases were found in the archive</p>\n");
        } else {
            html.append("<h4>Changelog entries between them</h4>\n");
            for (String entry : change.changelog()) {
                html.append("<pre class=\"vr-changelog\">").append(escape(entry)).append("</pre>\n");
            }
        }
        if (!change.changelogNotes().isEmpty()) {
            html.append("<ul class=\"vr-muted vr-changelog-notes\">\n");
            for (String note : change.changelogNotes()) {
                html.append("<li>").append(escape(note)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }
}
