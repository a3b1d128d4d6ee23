package org.virtregress.hunt;

import java.util.Locale;
import java.util.Optional;
import org.virtregress.repo.Build;
import org.virtregress.repo.SourceCommit;

/**
 * Where a build's upstream commit comes from, in order: the source commit recorded with the build
 * (the rpm {@code VCS} tag), a snapshot or {@code git describe} version, a tag named by a template,
 * a revision the user names. Pure functions.
 *
 * @param revision the revision to resolve in the upstream repository
 * @param from how it was found
 */
record UpstreamRevision(String revision, String from) {
    /** The template placeholder for a build's upstream version. */
    static final String VERSION = "%{version}";

    /**
     * Finds a build's upstream revision.
     *
     * @param build the build
     * @param tagTemplate the tag template, or {@code null}
     * @param userRevision the revision the user named, or {@code null}
     * @return the revision, or empty when nothing names one
     */
    static Optional<UpstreamRevision> of(Build build, String tagTemplate, String userRevision) {
        if (build.sourceCommit() != null) {
            return Optional.of(new UpstreamRevision(build.sourceCommit(), "source commit of " + build.nevra()));
        }
        Optional<String> fromVersion = SourceCommit.fromVersion(upstreamVersion(build.evr()));
        if (fromVersion.isPresent()) {
            return Optional.of(new UpstreamRevision(fromVersion.get(), "version of " + build.nevra()));
        }
        if (tagTemplate != null) {
            String tag = tagTemplate.replace(VERSION, upstreamVersion(build.evr()));
            return Optional.of(new UpstreamRevision(tag, "tag template '" + tagTemplate + "' for " + build.nevra()));
        }
        if (userRevision != null) {
            return Optional.of(new UpstreamRevision(userRevision, "revision given for " + build.nevra()));
        }
        return Optional.empty();
    }

    /** Returns the upstream version of an EVR: without epoch and release. */
    static String upstreamVersion(String evr) {
        String text = evr;
        int colon = text.indexOf(':');
        if (colon >= 0 && text.substring(0, colon).chars().allMatch(Character::isDigit)) {
            text = text.substring(colon + 1);
        }
        int dash = text.lastIndexOf('-');
        return dash > 0 ? text.substring(0, dash) : text;
    }

    /** Tells whether two builds come from the same upstream source: same version, same or no source commit. */
    static boolean sameSource(Build a, Build b) {
        if (!upstreamVersion(a.evr()).equals(upstreamVersion(b.evr()))) {
            return false;
        }
        String ca = a.sourceCommit();
        String cb = b.sourceCommit();
        if (ca == null || cb == null) {
            return ca == null && cb == null;
        }
        String x = ca.toLowerCase(Locale.ROOT);
        String y = cb.toLowerCase(Locale.ROOT);
        return x.startsWith(y) || y.startsWith(x);
    }
}
