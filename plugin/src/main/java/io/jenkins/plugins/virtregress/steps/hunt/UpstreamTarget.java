package io.jenkins.plugins.virtregress.steps.hunt;

import io.jenkins.plugins.virtregress.config.BasicAuth;
import java.io.Serial;
import java.io.Serializable;

/**
 * A package's upstream git repository as the build's node receives it: the URL, the credentials the
 * build's authentication found for it, and the tag template. {@link #toString()} never shows the
 * password ({@link BasicAuth} hides it).
 *
 * @param packageName the package
 * @param url the git URL, checked with the engine's rule
 * @param credentials the username and password, or null
 * @param tagTemplate the tag template, or null
 */
record UpstreamTarget(String packageName, String url, BasicAuth credentials, String tagTemplate)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
