package io.jenkins.plugins.virtregress.config;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A repository as the poller on the agent receives it: its spec (URL, or {@code deb:} URL), the
 * name users know it by, its credentials, and the architectures and components to read.
 *
 * @param spec the URL the engine parses
 * @param name the name shown in causes and logs
 * @param credentials the basic-auth credentials, or null
 * @param architectures the architectures to read, empty for the engine's default
 * @param components the Debian components to read, empty for every one the Release lists
 */
public record RepositoryTarget(String spec, String name, BasicAuth credentials, List<String> architectures,
        List<String> components) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the lists; null is empty. */
    public RepositoryTarget {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /**
     * Creates a target read with the engine's default architectures and components.
     *
     * @param spec the URL the engine parses
     * @param name the name shown in causes and logs
     * @param credentials the basic-auth credentials, or null
     */
    public RepositoryTarget(String spec, String name, BasicAuth credentials) {
        this(spec, name, credentials, List.of(), List.of());
    }
}
