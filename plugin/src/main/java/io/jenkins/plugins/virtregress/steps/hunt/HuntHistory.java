package io.jenkins.plugins.virtregress.steps.hunt;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chooses the last good build of a hunt from a job's history: the newest earlier build whose suite
 * of the same name passed and that recorded what it installed.
 */
public final class HuntHistory {
    private HuntHistory() {
    }

    /**
     * What one build of the job tells the hunt.
     *
     * @param number the build number
     * @param suite the suite name
     * @param passed whether the suite passed in that build
     * @param installed the packages the build left installed, name to version (empty: none recorded)
     */
    public record BuildRecord(int number, String suite, boolean passed, Map<String, String> installed) {
        /** Copies the set. */
        public BuildRecord {
            installed = installed == null ? Map.of() : new TreeMap<>(installed);
        }
    }

    /**
     * Finds the last good build.
     *
     * @param history records of the job's builds, in any order
     * @param suite the failing suite's name
     * @param current the number of the failing build; only earlier builds count
     * @return the newest earlier build whose suite of that name passed with an installed set
     */
    public static Optional<BuildRecord> lastGood(List<BuildRecord> history, String suite, int current) {
        return history.stream()
                .filter(r -> r.number() < current && r.suite().equals(suite) && r.passed() && !r.installed().isEmpty())
                .max(Comparator.comparingInt(BuildRecord::number));
    }

    /**
     * Explains why no last good build was found.
     *
     * @param suite the failing suite's name
     * @param current the failing build's number
     * @param searched how many earlier builds were read
     * @return a message naming the suite and the builds read
     */
    public static String noGoodBuild(String suite, int current, int searched) {
        return "No earlier build (of the " + searched + " before #" + current + ") passed suite " + suite
                + " with packages installed by installPackages: the hunt needs one as its last good set.";
    }
}
