package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.virtregress.install.InstallException;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.InstallResult;
import org.virtregress.install.Installer;
import org.virtregress.process.OutputListener;
import org.virtregress.suite.SuiteResult;

/**
 * The demo's test host: installs one build of the demo package at its exact version into an
 * install root with the real package manager, then boots the guest with what was installed.
 * Thread-safe when each call uses its own root and work directory.
 */
public final class DemoHost {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private final Installer installer;
    private final DemoGuest guest;

    /**
     * Creates the host.
     *
     * @param installer installs packages (dnf in the demo)
     * @param guest boots the guest
     */
    public DemoHost(Installer installer, DemoGuest guest) {
        this.installer = installer;
        this.guest = guest;
    }

    /**
     * What one test of one build did.
     *
     * @param install the install record
     * @param suite the guest suite's result, or {@code null} when the install failed
     */
    public record Outcome(InstallResult install, SuiteResult suite) {
        /** Tells whether the build was installed and the guest ran. */
        public boolean tested() {
            return install.success() && suite != null;
        }
    }

    /**
     * Installs a build and boots the guest.
     *
     * @param version the exact version-release of the demo package
     * @param repository the URL of a repository holding it
     * @param root the install root (created when missing; may hold an older build)
     * @param work the guest's work directory
     * @param log receives the package manager's output
     * @return the install record and the suite result
     * @throws InstallException if the install cannot start
     * @throws IOException if the guest cannot be prepared
     * @throws InterruptedException if interrupted; running processes are killed first
     */
    public Outcome test(String version, String repository, Path root, Path work, OutputListener log)
            throws InstallException, IOException, InterruptedException {
        Files.createDirectories(root);
        InstallRequest request = InstallRequest.builder()
                .install(DemoPackager.PACKAGE, version)
                .repository(repository)
                .root(root)
                .gpgCheck(false)
                .timeout(INSTALL_TIMEOUT)
                .build();
        InstallResult install = installer.install(request, log);
        if (!install.success()) {
            return new Outcome(install, null);
        }
        return new Outcome(install, guest.run(root, work));
    }
}
