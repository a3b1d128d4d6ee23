package org.virtregress.repo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

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
 * <p>URLs may be {@code http}, {@code https} or {@code file}; a plain path names a local directory.
 *
 * @param spec the repository as written by the user, used as its identity in state and builds
 * @param format the package format
 * @param base the directory URL, ending with a slash
 */
public record Repository(String spec, PackageFormat format, URI base) {
    private static final String DEB_PREFIX = "deb:";

    /** Checks the parts. */
    public Repository {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(base, "base");
    }

    /**
     * Parses a repository as the user names it.
     *
     * @param spec the repository URL or path, optionally prefixed with {@code deb:}
     * @return the repository
     * @throws IllegalArgumentException if the URL is malformed or its scheme unsupported
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
        if (location.matches("(?i)(https?|file):.*")) {
            try {
                uri = new URI(location.endsWith("/") ? location : location + "/");
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("repository URL '" + spec + "' is malformed: " + e.getMessage(), e);
            }
        } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("repository URL '" + spec + "' has an unsupported scheme: use http, https or file");
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
