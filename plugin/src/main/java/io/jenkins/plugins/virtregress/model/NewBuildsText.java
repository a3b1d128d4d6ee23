package io.jenkins.plugins.virtregress.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes new builds as the short sentences users read in a build's cause and in the polling log,
 * such as {@code qemu 9.1.0-3.1 → 9.1.0-4.1 in repo X}.
 */
public final class NewBuildsText {
    /** How many builds a cause names before it says "and N more". */
    static final int SHOWN = 5;

    private NewBuildsText() {
    }

    /**
     * Describes one new build.
     *
     * @param build the build
     * @return e.g. {@code qemu 9.1.0-3.1 → 9.1.0-4.1 in updates}, {@code qemu 9.1.0-4.1 (rebuild) in updates}
     */
    public static String describe(NewBuild build) {
        StringBuilder text = new StringBuilder(build.getName()).append(' ');
        if (build.isRebuild()) {
            text.append(build.getVersion()).append(" (rebuild)");
        } else if (build.getPreviousVersion() != null) {
            text.append(build.getPreviousVersion()).append(" → ").append(build.getVersion());
        } else {
            text.append(build.getVersion());
        }
        if (build.getArch() != null && !build.getArch().isEmpty()) {
            text.append(" (").append(build.getArch()).append(')');
        }
        if (build.getRepository() != null) {
            text.append(" in ").append(build.getRepository());
        }
        return text.toString();
    }

    /**
     * Describes several new builds in one line.
     *
     * @param builds the builds
     * @return the builds separated by {@code ; }, the first few only, then "and N more"
     */
    public static String describe(List<NewBuild> builds) {
        if (builds.isEmpty()) {
            return "no new builds";
        }
        String shown = builds.stream().limit(SHOWN).map(NewBuildsText::describe).collect(Collectors.joining("; "));
        int more = builds.size() - SHOWN;
        return more > 0 ? shown + "; and " + more + " more" : shown;
    }
}
