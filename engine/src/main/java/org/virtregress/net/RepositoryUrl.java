package org.virtregress.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for a repository URL, applied alike to the repositories polled and to those
 * installed from (and by the plugin's forms): an absolute {@code http}, {@code https} or
 * {@code file} URL (the schemes the poller reads), an {@code http(s)} URL with a host, no white
 * space or control characters, and no user name or password in it (credentials are given apart,
 * so that they are never logged with the URL). Stateless.
 */
public final class RepositoryUrl {
    /** The schemes a repository URL may have, in lower case. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "file");

    private RepositoryUrl() {
    }

    /**
     * Checks a repository URL.
     *
     * @param url the URL as the user wrote it
     * @return the URL, parsed
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static URI check(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("repository URL is empty");
        }
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("repository URL '" + url + "' is malformed: it holds white space or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("repository URL '" + url + "' is malformed: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.isOpaque()) {
            throw new IllegalArgumentException("repository URL '" + url
                    + "' has an unsupported scheme: use http://, https:// or file://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("repository URL '" + url.replace(uri.getRawUserInfo() + "@", "")
                    + "' holds a user name or password: give the credentials apart, never in the URL");
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new IllegalArgumentException("repository URL '" + url + "' has no host");
        }
        return uri;
    }
}
