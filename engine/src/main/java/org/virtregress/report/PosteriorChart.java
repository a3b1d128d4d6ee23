package org.virtregress.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws the posterior of a probabilistic bisection over its final range as an inline SVG: one bar
 * per commit, oldest on the left, its height the probability of being the culprit, the most likely
 * one highlighted; a tooltip per bar gives the commit, the probability and its runs. Needs no
 * script, no style sheet and no external resource.
 */
final class PosteriorChart {
    private static final int WIDTH = 640;
    private static final int TOP = 30;
    private static final int PLOT_HEIGHT = 120;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int BOTTOM = 40;
    private static final String BAR = "#8c959f";
    private static final String TOP_BAR = "#cf222e";

    private PosteriorChart() {
    }

    /**
     * Renders the chart.
     *
     * @param confidence the figures; its posterior must not be empty
     * @return the SVG element
     */
    static String svg(Confidence confidence) {
        return svg(confidence, "commits");
    }

    /**
     * Renders the chart of a range of builds or commits.
     *
     * @param confidence the figures; its posterior must not be empty
     * @param what what the positions are, for the title ("commits", "builds")
     * @return the SVG element
     */
    static String svg(Confidence confidence, String what) {
        List<Confidence.Position> positions = confidence.posterior();
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, positions.size());
        double barWidth = Math.max(2, slot * 0.7);
        int best = 0;
        for (int i = 1; i < positions.size(); i++) {
            if (positions.get(i).probability() > positions.get(best).probability()) {
                best = i;
            }
        }
        String title = String.format(Locale.ROOT, "Posterior over the final range: %d %s, the most likely %s"
                + " with probability %.4f", positions.size(), what, positions.isEmpty() ? "" : Html.shortHash(
                        positions.get(best).hash()), positions.isEmpty() ? 0.0 : positions.get(best).probability());
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"-apple-system,Segoe UI,Noto Sans,Helvetica,Arial,sans-serif\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
        for (double tick : new double[] {0, 0.5, 1}) {
            double y = TOP + PLOT_HEIGHT * (1 - tick);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d0d7de\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">").append(fmt(tick))
                    .append("</text>");
        }
        for (int i = 0; i < positions.size(); i++) {
            Confidence.Position p = positions.get(i);
            double h = Math.max(1, PLOT_HEIGHT * Math.min(1, Math.max(0, p.probability())));
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            String tip = String.format(Locale.ROOT, "%s: probability %.4f, %d of %d runs failed", p.hash(),
                    p.probability(), p.failures(), p.runs());
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + PLOT_HEIGHT - h))
                    .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(h))
                    .append("\" fill=\"").append(i == best ? TOP_BAR : BAR).append("\"><title>")
                    .append(Html.escape(tip)).append("</title></rect>");
        }
        if (!positions.isEmpty()) {
            svg.append("<text x=\"").append(fmt(LEFT + slot * best + slot / 2)).append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT + 16).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#24292f\">")
                    .append(Html.escape(Html.shortHash(positions.get(best).hash()))).append("</text>");
        }
        svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">")
                .append("bar height: probability of being the culprit, oldest commit on the left</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
