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
        URI resolved;
        try {
            resolved = base.resolve(new URI(null, null, path, null));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RepositoryException("cannot form a URL from " + base + " and '" + path + "': " + e.getMessage(), e);
        }
        return checkScheme(base, resolved);
    }

    /**
     * Accepts a URL that metadata points to only if a repository of the given base may point
     * there: a remote repository to http(s) only, never to a local file.
     *
     * @param base the repository URL
     * @param target the URL the metadata names
     * @return the target
     * @throws RepositoryException if the scheme is not allowed
     */
    static URI checkScheme(URI base, URI target) throws RepositoryException {
        String from = String.valueOf(base.getScheme()).toLowerCase(java.util.Locale.ROOT);
        String to = String.valueOf(target.getScheme()).toLowerCase(java.util.Locale.ROOT);
        boolean remote = to.equals("http") || to.equals("https");
        if (remote || (to.equals("file") && from.equals("file"))) {
            return target;
        }
        throw new RepositoryException("metadata of " + base + " points to " + target
                + ", which a repository there may not point to");
    }
}
