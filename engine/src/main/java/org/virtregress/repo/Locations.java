package org.virtregress.repo;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves the relative file paths metadata gives ({@code href}, {@code Filename}) against a URL. */
final class Locations {
    private Locations() {
    }

    /**
     * Resolves a relative path, quoting the characters a URL cannot hold ({@code %}, {@code ^},
     * spaces) so that file names such as {@code foo-1.0^git1.rpm} work.
     *
     * @param base the directory URL, ending with a slash
     * @param path the relative path as written in the metadata
     * @return the absolute URL
     * @throws RepositoryException if the path cannot form a URL
     */
    static URI resolve(URI base, String path) throws RepositoryException {
        try {
            return base.resolve(new URI(null, null, path, null));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RepositoryException("cannot form a URL from " + base + " and '" + path + "': " + e.getMessage(), e);
        }
    }
}
