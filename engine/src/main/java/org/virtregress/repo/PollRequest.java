package org.virtregress.repo;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param lockTimeout how long to wait for another poll of the same state file to finish
 */
public record PollRequest(List<Repository> repositories, PackageSelector packages, Path stateFile, Path archive,
        boolean baseline, Duration lockTimeout) {
    /** How long a poll waits for the state file by default. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the parts. */
    public PollRequest {
        repositories = List.copyOf(repositories);
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("at least one repository is required");
        }
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
        }
    }

    /**
     * Creates a request that waits up to {@link #DEFAULT_LOCK_TIMEOUT} for the state file.
     *
     * @param repositories the repositories, at least one
     * @param packages the watched package names and globs
     * @param stateFile the JSON state file; missing means a first poll
     * @param archive the archive directory to download new builds into, or null for none
     * @param baseline whether to record the current builds as known and report nothing
     */
    public PollRequest(List<Repository> repositories, PackageSelector packages, Path stateFile, Path archive,
            boolean baseline) {
        this(repositories, packages, stateFile, archive, baseline, DEFAULT_LOCK_TIMEOUT);
    }
}
