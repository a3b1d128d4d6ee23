package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes the probe of the commit level: for a package's upstream repository, something that builds
 * the package at a commit, installs it and runs the suite (a command the user names, a Jenkins
 * body, the demo's rpmbuild). Its exit, verdict and failure signature follow {@link org.virtregress.bisect.Probe}.
 */
@FunctionalInterface
public interface CommitProber {
    /**
     * Opens the probe.
     *
     * @param packageName the package whose commits are bisected
     * @param repository the package's upstream git repository
     * @param roots the install roots the probes may use, one probe per root at a time
     * @return the probe; the hunt closes it
     * @throws IOException if it cannot be set up
     */
    CommitProbe open(String packageName, Path repository, InstallRoots roots) throws IOException;

    /**
     * Returns the settings that decide the probe's verdicts (its command, its timeout), by name, for
     * the hunt's fingerprint: a hunt resumed with other settings is refused.
     *
     * @return the settings in a fixed order; empty when the prober names none
     */
    default Map<String, String> settings() {
        return Map.of();
    }
}
