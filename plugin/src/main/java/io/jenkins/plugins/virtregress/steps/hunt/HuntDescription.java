package io.jenkins.plugins.virtregress.steps.hunt;

import org.virtregress.hunt.HuntResult;

/** Formats a hunt's verdict in one line for the build description. */
public final class HuntDescription {
    private static final int SHORT_COMMIT = 7;

    private HuntDescription() {
    }

    /**
     * Formats a hunt's result.
     *
     * @param result the result
     * @return e.g. {@code culprit: qemu 9.1.0-3.1, commit abc1234 "block: break boot"}
     */
    public static String of(HuntResult result) {
        HuntResult.BuildLevel builds = result.builds();
        String packageName = builds == null || builds.firstBad() == null ? null : builds.firstBad().name();
        String evr = builds == null || builds.firstBad() == null ? null : builds.firstBad().evr();
        String commit = null;
        String subject = null;
        if (result.commits() != null && result.commits().bisection() != null
                && result.commits().bisection().culprit() != null) {
            commit = result.commits().bisection().culprit().id();
            subject = result.commits().bisection().culprit().subject();
        }
        String packaging = result.packaging() == null ? null : result.packaging().lastGood();
        return format(result.ending(), result.level(), packageName, evr, commit, subject, packaging, result.message());
    }

    /**
     * Formats the parts of a verdict.
     *
     * @param ending how the hunt ended
     * @param level the level it reached
     * @param packageName the culprit package, or null
     * @param evr the culprit build's version, or null
     * @param commit the culprit commit, or null
     * @param subject the culprit commit's subject, or null
     * @param packagingFrom the last good version when the culprit is a packaging change, or null
     * @param message the hunt's one-sentence explanation, or null
     * @return the line
     */
    public static String format(HuntResult.Ending ending, HuntResult.Level level, String packageName, String evr,
            String commit, String subject, String packagingFrom, String message) {
        if (ending.found() && packageName != null) {
            StringBuilder line = new StringBuilder("culprit: ").append(packageName).append(' ').append(evr);
            if (ending == HuntResult.Ending.PACKAGING && packagingFrom != null) {
                line.append(", packaging change from ").append(packagingFrom);
            } else if (commit != null) {
                line.append(", commit ").append(commit, 0, Math.min(SHORT_COMMIT, commit.length()));
                if (subject != null && !subject.isBlank()) {
                    line.append(" \"").append(subject.strip()).append('"');
                }
            }
            return line.toString();
        }
        return "hunt: " + ending + " at level " + level + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
