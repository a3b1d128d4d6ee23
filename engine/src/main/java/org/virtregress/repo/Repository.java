package org.virtregress.repo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.virtregress.net.RepositoryUrl;

/**
 * A package repository to watch, as the user names it.
 *
 * <ul>
 *   <li>rpm-md: the directory that holds {@code repodata/}, for example
 *       {@code https://download.opensuse.org/repositories/Virtualization/16.0/}</li>
 *   <li>Debian: a suite, {@code https://deb.debian.org/debian/dists/bookworm} (any URL with
 *       {@code /dists/} in it), or a flat repository prefixed with {@code deb:}, for example
 *       {@code deb:https://example.org/flat/}</li>
 * </ul>
 *
 * <p>URLs follow {@link RepositoryUrl}: {@code http}, {@code https} or {@code file}, with no
 * credentials in them; a plain path (one that does not start with a scheme, such as {@code ./a:b})
 * names a local directory.
 *
 * <p>With a keyring, the repository's index must be signed by one of its keys: {@code InRelease}
 * (clearsigned) or {@code Release} with {@code Release.gpg}, and {@code repodata/repomd.xml}
 * with {@code repodata/repomd.xml.asc}.
 *
 * @param spec the repository as written by the user, used as its identity in state and builds
 * @param format the package format
 * @param base the directory URL, ending with a slash
 * @param keyring the OpenPGP keys its index must be signed by (see {@link Keyring}), or null to
 *     read it unverified
 */
public record Repository(String spec, PackageFormat format, URI base, Path keyring) {
    private static final String DEB_PREFIX = "deb:";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    /** Checks the parts. */
    public Repository {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(base, "base");
    }

    /**
     * Creates a repository whose signatures are not verified.
     *
     * @param spec the repository as written by the user
     * @param format the package format
     * @param base the directory URL, ending with a slash
     */
    public Repository(String spec, PackageFormat format, URI base) {
        this(spec, format, base, null);
    }

    /**
     * Returns this repository with its index signatures verified against a keyring.
     *
     * @param file the keyring, or null to stop verifying
     * @return the repository with the keyring
     */
    public Repository withKeyring(Path file) {
        return new Repository(spec, format, base, file);
    }

    /**
     * Parses a repository as the user names it.
     *
     * @param spec the repository URL or path, optionally prefixed with {@code deb:}
     * @return the repository
     * @throws IllegalArgumentException if the URL breaks the rule of {@link RepositoryUrl#check(String)}
     */
    public static Repository parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String location = spec.strip();
        boolean debian = false;
        if (location.startsWith(DEB_PREFIX)) {
            location = location.substring(DEB_PREFIX.length());
            debian = true;
        }
        if (location.isEmpty()) {
            throw new IllegalArgumentException("repository URL is empty");
        }
        URI uri;
        if (SCHEME.matcher(location).lookingAt()) {
            RepositoryUrl.check(location);
            uri = RepositoryUrl.check(location.endsWith("/") ? location : location + "/");
        } else {
            uri = Path.of(location).toAbsolutePath().normalize().toUri();
            if (!uri.toString().endsWith("/")) {
                uri = URI.create(uri + "/");
            }
        }
        if (uri.getPath() != null && uri.getPath().contains("/dists/")) {
            debian = true;
        }
        return new Repository(spec.strip(), debian ? PackageFormat.DEB : PackageFormat.RPM, uri);
    }

    /** Tells whether this is a Debian suite ({@code dists/<suite>}) rather than a flat repository. */
    public boolean isDebianSuite() {
        return format == PackageFormat.DEB && base.getPath() != null && base.getPath().contains("/dists/");
    }

    @Override
    public String toString() {
        return spec;
    }
}
