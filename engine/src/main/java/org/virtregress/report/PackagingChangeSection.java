package org.virtregress.report;

import java.util.List;
import java.util.Objects;

/**
 * The culprit when the last good and the first bad build of a package come from the same upstream
 * source: only the packaging changed. Holds both releases and the changelog entries between them
 * (rpm {@code %changelog} or Debian {@code changelog.Debian}), newest first, when the archive had them.
 *
 * @param packageName the package
 * @param upstream the upstream version both builds come from, with its source commit when known
 * @param lastGood the last good build's version
 * @param firstBad the first bad build's version
 * @param changelog the entries newer than the last good build up to the first bad one; empty when none were read
 * @param changelogNotes why entries are missing or were left out (a malformed header, a cap, no
 *     changelog in the package); empty when every entry was read
 */
public record PackagingChangeSection(String packageName, String upstream, String lastGood, String firstBad,
                                     List<String> changelog, List<String> changelogNotes) {
    /** Requires the package and both versions, and copies the lists. */
    public PackagingChangeSection {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(lastGood, "lastGood");
        Objects.requireNonNull(firstBad, "firstBad");
        changelog = Lists.copy(changelog);
        changelogNotes = Lists.copy(changelogNotes);
    }
}
