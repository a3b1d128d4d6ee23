package org.virtregress.repo;

import java.util.List;

/**
 * What one poll found.
 *
 * @param outcomes how each repository went, in the order given
 * @param changes what changed, repository by repository, packages in name order
 */
public record PollResult(List<RepositoryOutcome> outcomes, List<BuildChange> changes) {
    /** Copies the lists. */
    public PollResult {
        outcomes = List.copyOf(outcomes);
        changes = List.copyOf(changes);
    }

    /** Returns the new builds to test: new packages, new versions and rebuilds. */
    public List<Build> newBuilds() {
        return changes.stream().filter(c -> c.kind().isNewBuild()).map(BuildChange::build).toList();
    }

    /** Tells whether a repository could not be read. */
    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o.status() == RepositoryOutcome.Status.FAILED);
    }

    /** Tells whether a repository is being published and should be polled again soon. */
    public boolean hasPublishing() {
        return outcomes.stream().anyMatch(o -> o.status() == RepositoryOutcome.Status.PUBLISHING);
    }
}
