package org.virtregress.hunt;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.virtregress.install.Installer;

/**
 * How a probe installs a package set: with which package manager, from which further repositories
 * (dependencies not in the archive), with or without signature checks, and how long it may take.
 *
 * @param installer the package manager adapter
 * @param repositories further repositories, searched after the probe's own one of archived builds
 * @param gpgCheck whether package signatures are checked
 * @param timeout the time one transaction may take
 * @param lockTimeout the time to wait for another install on the same root
 */
public record InstallSettings(Installer installer, List<String> repositories, boolean gpgCheck, Duration timeout,
                              Duration lockTimeout) {
    /** Checks the installer and copies the list. */
    public InstallSettings {
        Objects.requireNonNull(installer, "installer");
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(10) : lockTimeout;
    }
}
