package org.virtregress.hunt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.Installer;
import org.virtregress.net.Credentials;

/**
 * How a probe installs a package set: with which package manager, from which further repositories
 * (dependencies not in the archive) and with which credentials for them, with or without signature
 * checks, and how long it may take.
 *
 * @param installer the package manager adapter
 * @param repositories further repositories, searched after the probe's own one of archived builds
 * @param gpgCheck whether package signatures are checked
 * @param timeout the time one transaction may take
 * @param lockTimeout the time to wait for another install on the same root
 * @param credentials the basic-auth credentials of the further repositories that need them, by
 *     repository as written in {@code repositories}; {@link #toString()} never shows a password
 */
public record InstallSettings(Installer installer, List<String> repositories, boolean gpgCheck, Duration timeout,
                              Duration lockTimeout, Map<String, Credentials> credentials) {
    /** Checks the installer, copies the list and the credentials, and checks that each names a repository. */
    public InstallSettings {
        Objects.requireNonNull(installer, "installer");
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(10) : lockTimeout;
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        for (String repository : credentials.keySet()) {
            if (!repositories.contains(repository)) {
                throw new IllegalArgumentException("credentials given for " + repository
                        + ", which is not a further repository of the probes");
            }
        }
    }

    /**
     * Creates settings whose further repositories need no credentials.
     *
     * @param installer the package manager adapter
     * @param repositories further repositories
     * @param gpgCheck whether package signatures are checked
     * @param timeout the time one transaction may take
     * @param lockTimeout the time to wait for another install on the same root
     */
    public InstallSettings(Installer installer, List<String> repositories, boolean gpgCheck, Duration timeout,
                           Duration lockTimeout) {
        this(installer, repositories, gpgCheck, timeout, lockTimeout, Map.of());
    }

    /**
     * Adds the further repositories to a probe's install, each with its credentials when it has any,
     * so that the package manager gets them the way an install of its own does.
     *
     * @param request the probe's install
     * @return the request
     */
    public InstallRequest.Builder addRepositories(InstallRequest.Builder request) {
        for (String repository : repositories) {
            Credentials login = credentials.get(repository);
            if (login == null) {
                request.repository(repository);
            } else {
                request.repository(repository, login.user(), login.password());
            }
        }
        return request;
    }
}
