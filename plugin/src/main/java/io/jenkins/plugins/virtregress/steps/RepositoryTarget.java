package io.jenkins.plugins.virtregress.steps;

import io.jenkins.plugins.virtregress.config.BasicAuth;
import java.io.Serial;
import java.io.Serializable;

/**
 * A repository as the poller on the agent receives it: its spec (URL, or {@code deb:} URL), the
 * name users know it by, and its credentials.
 *
 * @param spec the URL the engine parses
 * @param name the name shown in causes and logs
 * @param credentials the basic-auth credentials, or null
 */
public record RepositoryTarget(String spec, String name, BasicAuth credentials) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
