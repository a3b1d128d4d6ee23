package org.virtregress.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to poll.
 *
 * @param repositories the repositories, at least one
 * @param packages the watched package names and globs
 * @param stateFile the JSON state file; missing means a first poll
 * @param archive the archive directory to download new builds into, or null for none
 * @param baseline whether to record the current builds as known and report nothing
 */
public record PollRequest(List<Repository> repositories, PackageSelector packages, Path stateFile, Path archive,
        boolean baseline) {
    /** Checks the parts. */
    public PollRequest {
        repositories = List.copyOf(repositories);
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(stateFile, "stateFile");
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("at least one repository is required");
        }
    }
}
