package io.jenkins.plugins.virtregress.steps;

import hudson.AbortException;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.PackageRepository;
import io.jenkins.plugins.virtregress.config.RepositoryCredentials;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the repositories a job names: the name of a repository from the global configuration
 * (which brings its URL and credentials), or a URL given directly (read without credentials).
 */
final class RepositoryTargets {
    private RepositoryTargets() {
    }

    /**
     * Resolves a list of repository names and URLs.
     *
     * @param repositories names or URLs separated by spaces, commas or new lines
     * @return the targets, in the given order
     * @throws AbortException if the list is empty, a name is unknown, or a URL is invalid
     */
    static List<RepositoryTarget> resolve(String repositories) throws AbortException {
        List<String> entries = FieldChecks.split(repositories);
        if (entries.isEmpty()) {
            throw new AbortException("No repository given: name a repository of the global configuration or a URL.");
        }
        List<RepositoryTarget> targets = new ArrayList<>();
        VirtRegressConfiguration configuration = VirtRegressConfiguration.get();
        for (String entry : entries) {
            Optional<PackageRepository> configured = configuration.findRepository(entry);
            if (configured.isPresent()) {
                PackageRepository repository = configured.get();
                targets.add(new RepositoryTarget(repository.getUrl(), repository.getName(),
                        RepositoryCredentials.lookup(repository), List.of(repository.getArchitectures()),
                        List.of(repository.getComponents())));
            } else if (entry.contains(":") || entry.contains("/")) {
                Optional<String> problem = FieldChecks.repositoryUrl(entry);
                if (problem.isPresent()) {
                    throw new AbortException(problem.get());
                }
                targets.add(new RepositoryTarget(entry, entry, null));
            } else {
                throw new AbortException("Repository " + entry + " is not configured in Manage Jenkins » System"
                        + " » virt-regress, and is not a URL.");
            }
        }
        return targets;
    }
}
