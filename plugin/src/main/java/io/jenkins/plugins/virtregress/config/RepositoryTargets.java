package io.jenkins.plugins.virtregress.config;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the repositories a job names: the name of a repository from the global configuration
 * (which brings its URL and credentials, looked up with the job's authentication), or a URL given
 * directly (read without credentials). {@code file:} URLs pass only when the global configuration
 * allows them.
 */
public final class RepositoryTargets {
    private RepositoryTargets() {
    }

    /**
     * Resolves a list of repository names and URLs.
     *
     * @param repositories names or URLs separated by spaces, commas or new lines
     * @param job the job that polls or installs
     * @param run the build that does, or null for a trigger's poll
     * @return the targets, in the given order
     * @throws AbortException if the list is empty, a name is unknown, a URL is invalid or not
     *     allowed, or credentials are not visible to the job
     */
    public static List<RepositoryTarget> resolve(String repositories, Job<?, ?> job, Run<?, ?> run)
            throws AbortException {
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
                check(FieldChecks.repositoryUrl(repository.getUrl(), configuration.isAllowFileRepositories()));
                BasicAuth auth = run != null ? RepositoryCredentials.lookup(repository, run)
                        : RepositoryCredentials.lookup(repository, job, JobAuthentication.of(job));
                targets.add(new RepositoryTarget(repository.getUrl(), repository.getName(), auth,
                        List.of(repository.getArchitectures()), List.of(repository.getComponents())));
            } else if (entry.contains(":") || entry.contains("/")) {
                check(FieldChecks.repositoryUrl(entry, configuration.isAllowFileRepositories()));
                targets.add(new RepositoryTarget(entry, entry, null));
            } else {
                throw new AbortException("Repository " + entry + " is not configured in Manage Jenkins » System"
                        + " » virt-regress, and is not a URL.");
            }
        }
        return targets;
    }

    private static void check(Optional<String> problem) throws AbortException {
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
    }
}
