package org.virtregress.repo;

/**
 * Identifies the version of a repository's index that was last read, so that the next poll can
 * ask for it conditionally and recognize it unchanged.
 *
 * @param file the index file read, relative to the repository ({@code repodata/repomd.xml},
 *     {@code InRelease}, {@code Release})
 * @param validators the HTTP validators the server gave for it
 * @param digest the SHA-256 of its content
 * @param keyring the digest of the keyring its signature was verified with ({@link Keyring#digest()}),
 *     or null when it was read unverified
 * @param indices for a Debian Release, the paths, sizes and SHA256s it lists of the selected
 *     Packages indices: a Release that changed elsewhere (its date, other components or
 *     architectures) leaves the packages read unchanged; null otherwise, and in a state written
 *     before it was kept
 */
public record IndexMark(String file, Validators validators, String digest, String keyring, String indices) {
    /** Replaces a missing validator pair with {@link Validators#NONE}. */
    public IndexMark {
        validators = validators == null ? Validators.NONE : validators;
    }

    /**
     * Creates the mark of an index read unverified.
     *
     * @param file the index file read, relative to the repository
     * @param validators the HTTP validators the server gave for it
     * @param digest the SHA-256 of its content
     */
    public IndexMark(String file, Validators validators, String digest) {
        this(file, validators, digest, null, null);
    }

    /**
     * Creates the mark of an index that lists no others to remember.
     *
     * @param file the index file read, relative to the repository
     * @param validators the HTTP validators the server gave for it
     * @param digest the SHA-256 of its content
     * @param keyring the digest of the keyring its signature was verified with, or null
     */
    public IndexMark(String file, Validators validators, String digest, String keyring) {
        this(file, validators, digest, keyring, null);
    }
}
