package org.virtregress.repo;

/**
 * Identifies the version of a repository's index that was last read, so that the next poll can
 * ask for it conditionally and recognize it unchanged.
 *
 * @param file the index file read, relative to the repository ({@code repodata/repomd.xml},
 *     {@code InRelease}, {@code Release})
 * @param validators the HTTP validators the server gave for it
 * @param digest the SHA-256 of its content
 */
public record IndexMark(String file, Validators validators, String digest) {
    /** Replaces a missing validator pair with {@link Validators#NONE}. */
    public IndexMark {
        validators = validators == null ? Validators.NONE : validators;
    }
}
