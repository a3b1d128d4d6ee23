package org.virtregress.repo;

/**
 * What a poll noticed about one package of one repository.
 *
 * @param kind what happened
 * @param build the build now in the repository (for {@link Kind#REMOVED}: the last one seen)
 * @param previous the build seen before, null for {@link Kind#NEW}
 */
public record BuildChange(Kind kind, Build build, Build previous) {
    /** What happened to a package between two polls. */
    public enum Kind {
        /** First seen: on the first poll, or a newly watched or newly published package. */
        NEW,
        /** A higher version than any seen before. */
        NEW_VERSION,
        /** The same version as the newest seen, with a different package checksum. */
        REBUILD,
        /** The repository now offers an older version than the newest seen; not a new build. */
        DOWNGRADE,
        /** The package is gone from the repository; not a new build. */
        REMOVED;

        /** Tells whether this change is a build to test. */
        public boolean isNewBuild() {
            return this == NEW || this == NEW_VERSION || this == REBUILD;
        }
    }
}
