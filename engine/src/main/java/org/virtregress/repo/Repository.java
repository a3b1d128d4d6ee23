package org.virtregress.repo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
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
 *   <li>Debian, as an apt source line names it: {@code URL SUITE [COMPONENT...]}, for example
 *       {@code https://deb.debian.org/debian bookworm main}, the suite {@code URL/dists/SUITE} read for
 *       those components only; a suite ending in {@code /} ({@code URL ./}) names a flat repository</li>
 * </ul>
 *
 * <p>URLs may be {@code http}, {@code https} or {@code file}; a plain path names a local directory.
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
 * @param selection the architectures and components to read
 */
public record Repository(String spec, PackageFormat format, URI base, Path keyring, IndexSelection selection) {
    private static final String DEB_PREFIX = "deb:";

    /**
     * Checks the parts; a null selection is the default.
     *
     * @throws IllegalArgumentException if components are selected of a repository that is not a Debian suite
     */
    public Repository {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(base, "base");
        selection = selection == null ? IndexSelection.DEFAULT : selection;
        if (!selection.components().isEmpty() && !(format == PackageFormat.DEB && isSuite(base))) {
            throw new IllegalArgumentException("repository " + spec + " is not a Debian suite, so it has no components"
                    + " to choose (" + String.join(", ", selection.components()) + ")");
        }
    }

    /**
     * Creates a repository read with the default selection.
     *
     * @param spec the repository as written by the user
     * @param format the package format
     * @param base the directory URL, ending with a slash
     * @param keyring the OpenPGP keys its index must be signed by, or null to read it unverified
     */
    public Repository(String spec, PackageFormat format, URI base, Path keyring) {
        this(spec, format, base, keyring, IndexSelection.DEFAULT);
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
        return new Repository(spec, format, base, file, selection);
    }

    /**
     * Returns this repository read for other architectures and components. Components named in
     * the repository's own source line are kept when the given selection names none.
     *
     * @param chosen the architectures and components, empty lists for the defaults
     * @return the repository with the selection
     * @throws IllegalArgumentException if components are chosen of a repository that is not a Debian suite
     */
    public Repository withSelection(IndexSelection chosen) {
        IndexSelection merged = chosen.components().isEmpty()
                ? new IndexSelection(chosen.architectures(), selection.components()) : chosen;
        return new Repository(spec, format, base, keyring, merged);
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
        String[] words = location.split("\\s+");
        if (words.length > 1) {
            return parseSourceLine(spec, words);
        }
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
        if (isSuite(uri)) {
            debian = true;
        }
        return new Repository(spec.strip(), debian ? PackageFormat.DEB : PackageFormat.RPM, uri);
    }

    private static Repository parseSourceLine(String spec, String[] words) {
        String url = words[0].startsWith(DEB_PREFIX) ? words[0].substring(DEB_PREFIX.length()) : words[0];
        String suite = words[1];
        String line = String.join(" ", words);
        if (suite.startsWith("/") || suite.contains("..") || suite.contains("\\") || suite.contains("?")
                || suite.contains("#")) {
            throw new IllegalArgumentException("repository '" + spec + "': '" + suite + "' is not a suite name");
        }
        Repository mirror = parse(url.endsWith("/") ? url : url + "/");
        if (suite.endsWith("/")) {
            if (words.length > 2) {
                throw new IllegalArgumentException("repository '" + spec + "': the flat repository " + suite
                        + " has no components, but the line names " + String.join(" ", List.of(words).subList(2, words.length)));
            }
            return new Repository(line, PackageFormat.DEB, mirror.base().resolve(suite.equals("./") ? "" : suite));
        }
        URI base = mirror.base().resolve("dists/" + suite + "/");
        List<String> components = List.of(words).subList(2, words.length);
        return new Repository(line, PackageFormat.DEB, base, null, new IndexSelection(List.of(), components));
    }

    /** Tells whether this is a Debian suite ({@code dists/<suite>}) rather than a flat repository. */
    public boolean isDebianSuite() {
        return format == PackageFormat.DEB && isSuite(base);
    }

    private static boolean isSuite(URI base) {
        return base.getPath() != null && base.getPath().contains("/dists/");
    }

    @Override
    public String toString() {
        return spec;
    }
}
