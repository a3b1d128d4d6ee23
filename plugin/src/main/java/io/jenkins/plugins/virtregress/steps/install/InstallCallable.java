package io.jenkins.plugins.virtregress.steps.install;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.install.InstallException;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.InstallResult;
import org.virtregress.install.Installer;
import org.virtregress.install.Installers;
import org.virtregress.install.PackageSpec;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;

/**
 * Installs packages on the agent with the engine's installer and brings the install record back
 * as JSON (the engine's records are not serializable over remoting, their JSON is). A repository's
 * credentials travel with the call to this node only, the one whose package manager uses them.
 */
final class InstallCallable extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    private final String manager;
    private final List<String> packages;
    private final List<String> removals;
    private final List<RepositoryTarget> repositories;
    private final String root;
    private final boolean gpgCheck;
    private final long timeoutMinutes;
    private final TaskListener listener;

    InstallCallable(String manager, List<String> packages, List<String> removals, List<RepositoryTarget> repositories,
            String root, boolean gpgCheck, long timeoutMinutes, TaskListener listener) {
        this.manager = manager;
        this.packages = List.copyOf(packages);
        this.removals = List.copyOf(removals);
        this.repositories = List.copyOf(repositories);
        this.root = root;
        this.gpgCheck = gpgCheck;
        this.timeoutMinutes = timeoutMinutes;
        this.listener = listener;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        InstallRequest.Builder request = InstallRequest.builder().gpgCheck(gpgCheck)
                .timeout(Duration.ofMinutes(timeoutMinutes));
        try {
            packages.forEach(p -> request.install(PackageSpec.parse(p)));
            removals.forEach(request::remove);
            for (RepositoryTarget repository : repositories) {
                if (repository.credentials() == null) {
                    request.repository(repository.spec());
                } else {
                    // the package manager gets them in a private file of the install, removed after it
                    request.repository(repository.spec(), repository.credentials().username(),
                            repository.credentials().password());
                }
            }
            if (root != null) {
                request.root(resolve(workspace, root));
            }
            Installer installer = Installers.forManager(manager, new ProcessRunner());
            log.println("Installing with " + manager + ": " + String.join(" ", packages)
                    + (removals.isEmpty() ? "" : ", removing " + String.join(" ", removals))
                    + (root == null ? "" : " into " + root));
            InstallResult result = installer.install(request.build(), (stream, line) -> log.println(line));
            return Json.mapper().writeValueAsString(result);
        } catch (IllegalArgumentException | InstallException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Path resolve(File workspace, String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? given : workspace.toPath().resolve(given).normalize();
    }
}
