package org.virtregress.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws how a bisection narrowed its range as an inline SVG: one bar per probe (x = probe number),
 * its height the candidates remaining after that probe on a logarithmic scale, coloured by the
 * probe's verdict, after a first grey bar for the whole range. Carries an accessible title and
 * description, a tooltip per bar and a legend; needs no script and no external resource.
 */
final class NarrowingChart {
    private static final int WIDTH = 900;
    private static final int PLOT_TOP = 40;
    private static final int PLOT_HEIGHT = 190;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 58;
    private static final int MAX_SLOT = 96;
    private static final int MIN_WIDTH = 640;
    private static final double MIN_LABEL_SPACE = 26;
    private static final String START_COLOUR = "#afb8c1";

    private NarrowingChart() {
    }

    /**
     * Renders the chart.
     *
     * @param label what was bisected, for the title ("commits", "builds of qemu")
     * @param startCount the candidates before the first probe
     * @param probes the probes in order
     * @return the SVG element
     */
    static String svg(String label, int startCount, List<ProbeRow> probes) {
        int[] remaining = remainingAfterEach(startCount, probes);
        int start = Math.max(1, Math.max(startCount, max(remaining)));
        int bars = probes.size() + 1;
        int height = PLOT_TOP + PLOT_HEIGHT + BOTTOM;
        double slot = Math.min(MAX_SLOT, (WIDTH - LEFT - RIGHT) / (double) bars);
        double barWidth = Math.min(56, slot * 0.72);
        int labelChars = (int) (slot / 6.5);
        int labelEvery = (int) Math.ceil(MIN_LABEL_SPACE / slot);
        int width = (int) Math.ceil(Math.max(MIN_WIDTH, LEFT + slot * bars + RIGHT));
        double top = Math.log(start + 1) / Math.log(2);

        StringBuilder svg = new StringBuilder(4096);
        String title = "Range narrowing of " + label + ": " + start + " candidates, " + probes.size() + " probes, "
                + (remaining.length == 0 ? start : remaining[remaining.length - 1]) + " remaining";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"-apple-system,Segoe UI,Noto Sans,Helvetica,Arial,sans-serif\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<desc>").append(Html.escape(describe(probes, remaining))).append("</desc>");
        legend(svg, width);
        axis(svg, start, top, LEFT + slot * bars);
        double x0 = LEFT + (slot - barWidth) / 2;
        bar(svg, x0, barWidth, barHeight(start, top), START_COLOUR, String.valueOf(start), "start",
                null, "Whole range: " + start + " candidates");
        for (int i = 0; i < probes.size(); i++) {
            ProbeRow probe = probes.get(i);
            double x = LEFT + slot * (i + 1) + (slot - barWidth) / 2;
            String tip = "Probe " + (i + 1) + ": " + probe.candidate()
                    + (probe.subject() == null ? "" : " " + probe.subject()) + " is " + probe.verdict().name().toLowerCase(Locale.ROOT)
                    + ", " + remaining[i] + " remaining";
            String hash = labelChars >= 7 ? shortLabel(probe.candidate(), labelChars) : null;
            boolean labelled = (i + 1) % labelEvery == 0 || i == probes.size() - 1;
            bar(svg, x, barWidth, barHeight(remaining[i], top), colour(probe.verdict()),
                    labelled ? String.valueOf(remaining[i]) : null, labelled ? String.valueOf(i + 1) : null, hash, tip);
        }
        svg.append("<text x=\"").append(fmt(LEFT + slot * bars / 2)).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#57606a\">probe</text>");
        svg.append("<text x=\"").append(width - RIGHT).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">")
                .append("bar height: candidates remaining (log scale)</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static int[] remainingAfterEach(int startCount, List<ProbeRow> probes) {
        int[] remaining = new int[probes.size()];
        int last = Math.max(startCount, 1);
        for (int i = 0; i < probes.size(); i++) {
            Integer value = probes.get(i).remaining();
            last = value == null ? last : Math.max(0, value);
            remaining[i] = last;
        }
        return remaining;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double barHeight(int count, double top) {
        double h = PLOT_HEIGHT * (Math.log(count + 1) / Math.log(2)) / top;
        return Math.max(3, h);
    }

    private static String describe(List<ProbeRow> probes, int[] remaining) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append("probe ").append(i + 1).append(' ').append(shortLabel(probes.get(i).candidate(), 12)).append(' ')
                    .append(probes.get(i).verdict().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(remaining[i]).append(" left");
        }
        return sb.toString();
    }

    private static String shortLabel(String candidate, int maxChars) {
        if (Html.isHash(candidate)) {
            return candidate.substring(0, 7);
        }
        String label = candidate.substring(candidate.indexOf(':') + 1);
        return label.length() > maxChars ? "\u2026" + label.substring(label.length() - maxChars + 1) : label;
    }

    private static void legend(StringBuilder svg, int width) {
        String[][] items = {{"whole range", START_COLOUR}, {"good", colour(ProbeRow.Verdict.GOOD)},
            {"bad", colour(ProbeRow.Verdict.BAD)}, {"skip", colour(ProbeRow.Verdict.SKIP)}, {"weak", colour(ProbeRow.Verdict.WEAK)}};
        int x = LEFT;
        for (String[] item : items) {
            svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" rx=\"2\" fill=\"")
                    .append(item[1]).append("\"/><text x=\"").append(x + 17).append("\" y=\"18\" font-size=\"12\" fill=\"#1f2328\">")
                    .append(item[0]).append("</text>");
            x += 30 + item[0].length() * 7;
        }

    }

    private static void axis(StringBuilder svg, int start, double top, double right) {
        int base = PLOT_TOP + PLOT_HEIGHT;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"").append(fmt(right))
                .append("\" y2=\"").append(base).append("\" stroke=\"#8c959f\"/>");
        for (int tick = 1; tick <= start; tick *= 4) {
            tickLine(svg, tick, top, right);
        }
        if (Integer.bitCount(start) != 1 || Integer.numberOfTrailingZeros(start) % 2 != 0) {
            tickLine(svg, start, top, right);
        }
    }

    private static void tickLine(StringBuilder svg, int value, double top, double right) {
        double y = PLOT_TOP + PLOT_HEIGHT - barHeight(value, top);
        svg.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(fmt(right))
                .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eaeef2\"/>")
                .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4))
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">").append(value).append("</text>");
    }

    private static void bar(StringBuilder svg, double x, double width, double height, String colour, String value,
                            String label, String hash, String tip) {
        int base = PLOT_TOP + PLOT_HEIGHT;
        double y = base - height;
        double centre = x + width / 2;
        svg.append("<g><title>").append(Html.escape(tip)).append("</title>")
                .append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(width))
                .append("\" height=\"").append(fmt(height)).append("\" rx=\"3\" fill=\"").append(colour).append("\"/>");
        if (value != null) {
            svg.append("<text x=\"").append(fmt(centre)).append("\" y=\"").append(fmt(y - 5))
                    .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1f2328\">")
                    .append(Html.escape(value)).append("</text>");
        }
        if (label != null) {
            svg.append("<text x=\"").append(fmt(centre)).append("\" y=\"").append(base + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2328\">").append(Html.escape(label))
                    .append("</text>");
        }
        if (hash != null) {
            svg.append("<text x=\"").append(fmt(centre)).append("\" y=\"").append(base + 31)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" font-family=\"DejaVu Sans Mono,monospace\" fill=\"#57606a\">")
                    .append(Html.escape(hash)).append("</text>");
        }
        svg.append("</g>");
    }

    static String colour(ProbeRow.Verdict verdict) {
        return switch (verdict) {
            case GOOD -> "#1a7f37";
            case BAD -> "#cf222e";
            case SKIP -> "#8c959f";
            case WEAK -> "#bf8700";
        };
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
