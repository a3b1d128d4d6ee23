package io.jenkins.plugins.virtregress.config;

import hudson.util.FormValidation;
import java.util.List;
import java.util.Optional;

/** Checks a list of repositories typed into a job: configured names or URLs. */
public final class RepositoryChecks {
    private RepositoryChecks() {
    }

    /**
     * Checks each entry.
     *
     * @param value names or URLs separated by spaces, commas or new lines
     * @return an error naming the first bad entry, or OK
     */
    public static FormValidation check(String value) {
        List<String> entries = FieldChecks.split(value);
        if (entries.isEmpty()) {
            return FormValidation.error("Name a repository of the global configuration, or a URL.");
        }
        VirtRegressConfiguration configuration = VirtRegressConfiguration.get();
        for (String entry : entries) {
            if (configuration.findRepository(entry).isPresent()) {
                continue;
            }
            if (!entry.contains(":") && !entry.contains("/")) {
                return FormValidation.error("Repository " + entry + " is not configured in the global configuration.");
            }
            Optional<String> problem = FieldChecks.repositoryUrl(entry, configuration.isAllowFileRepositories());
            if (problem.isPresent()) {
                return FormValidation.error(problem.get());
            }
        }
        return FormValidation.ok();
    }
}
