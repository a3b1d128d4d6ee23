package org.virtregress.hunt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectResult;
import org.virtregress.install.InstallResult;
import org.virtregress.repo.Build;

/**
 * What a hunt found, level by level: the failure it reproduced, which package, which build, which
 * commit (or that the packaging changed), and how every install root was left. A level that did not
 * run is {@code null}. Serialized with the engine's JSON mapper.
 *
 * @param ending how the hunt ended
 * @param message a sentence saying what it found or why it stopped, naming the input at fault
 * @param level the last level the hunt reached
 * @param good the last good set, package name to version
 * @param bad the failing set
 * @param signature the failure signature chased, or {@code null} when it was not reproduced
 * @param packages the package level, when several packages changed
 * @param builds the build level
 * @param commits the commit level
 * @param packaging the packaging change, when the culprit build has the upstream source of the last good one
 * @param restored the installs that left every root at the failing set
 * @param probesRun the probes run by this process
 * @param probesReplayed the verdicts read from the state file instead of probing again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HuntResult(Ending ending, String message, Level level, Map<String, String> good,
                         Map<String, String> bad, String signature, PackageLevel packages, BuildLevel builds,
                         CommitLevel commits, PackagingChange packaging, List<InstallResult> restored,
                         int probesRun, int probesReplayed) {
    /** Copies the collections. */
    public HuntResult {
        good = good == null ? Map.of() : Map.copyOf(good);
        bad = bad == null ? Map.of() : Map.copyOf(bad);
        restored = restored == null ? List.of() : List.copyOf(restored);
    }

    /** The levels of a hunt, in order. */
    public enum Level {
        /** Reading the archive and the sets. */
        INPUT,
        /** Testing the failing set and the last good set. */
        REPRODUCE,
        /** Which package of several that changed. */
        PACKAGE,
        /** Which archived build of the package. */
        BUILD,
        /** Which upstream commit. */
        COMMIT,
        /** Leaving the host at the failing set. */
        RESTORE
    }

    /** How a hunt ended. */
    public enum Ending {
        /** The culprit commit was found and confirmed. */
        COMMIT,
        /** The culprit build was found and confirmed; no commit level was asked for. */
        BUILD,
        /** The culprit build differs from the last good one only in its packaging. */
        PACKAGING,
        /** A level ended inconclusive, unconfirmed or unreproducible: its range is reported. */
        INCONCLUSIVE,
        /** A probe aborted the hunt. */
        ABORTED,
        /** The failing set did not fail or the last good set did not pass. */
        NO_REGRESSION,
        /** An input is wrong: the message names it. */
        BAD_INPUT,
        /** The archive or a git repository could not be read. */
        REPOSITORY,
        /** Leaving a root at the failing set failed. */
        RESTORE_FAILED;

        /** Tells whether the hunt named a culprit. */
        public boolean found() {
            return this == COMMIT || this == BUILD || this == PACKAGING;
        }
    }

    /**
     * The package level.
     *
     * @param order the changed packages in the order they were applied
     * @param bisection the bisection over the partial states
     * @param culprit the package whose update broke the suite, or {@code null}
     */
    public record PackageLevel(List<String> order, BisectResult bisection, String culprit) {
    }

    /**
     * The build level.
     *
     * @param packageName the package
     * @param candidates the archived builds bisected, oldest first, the last good one first
     * @param bisection the bisection
     * @param lastGood the newest build that passed, or {@code null}
     * @param firstBad the oldest build that failed, or {@code null}
     */
    public record BuildLevel(String packageName, List<String> candidates, BisectResult bisection, Build lastGood,
                             Build firstBad) {
    }

    /**
     * The commit level.
     *
     * @param packageName the package
     * @param repository the upstream repository
     * @param good the last good build's commit
     * @param goodFrom how it was found (source commit, version, tag, user)
     * @param bad the first bad build's commit
     * @param badFrom how it was found
     * @param bisection the bisection, or {@code null} when it could not start
     */
    public record CommitLevel(String packageName, String repository, String good, String goodFrom, String bad,
                              String badFrom, BisectResult bisection) {
    }

    /**
     * A culprit that is a packaging change.
     *
     * @param packageName the package
     * @param upstream the upstream version (and source commit) both builds share
     * @param lastGood the last good build's full version
     * @param firstBad the first bad build's full version
     * @param changelog the changelog entries of the first bad build that the last good one lacks
     *     (empty when the archive's packages hold none)
     * @param changelogNotes why entries are missing or were left out (a malformed entry header, a
     *     cap, a package without a changelog, rpm failing); empty when all were read, and in a
     *     result written before they were kept
     */
    public record PackagingChange(String packageName, String upstream, String lastGood, String firstBad,
                                  List<String> changelog, List<String> changelogNotes) {
        /** Copies the lists. */
        public PackagingChange {
            changelog = changelog == null ? List.of() : List.copyOf(changelog);
            changelogNotes = changelogNotes == null ? List.of() : List.copyOf(changelogNotes);
        }
    }
}
