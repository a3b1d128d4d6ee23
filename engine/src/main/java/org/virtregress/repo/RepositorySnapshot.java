package org.virtregress.repo;

import java.util.List;

/**
 * What one read of a repository found.
 *
 * @param unchanged whether the index (repomd.xml, InRelease) is unchanged since the previous
 *     read, in which case nothing else was downloaded and {@code builds} is empty
 * @param mark the index read, for the next conditional request
 * @param builds every build of a watched package in the repository (all versions)
 */
public record RepositorySnapshot(boolean unchanged, IndexMark mark, List<Build> builds) {
    /** Copies the list. */
    public RepositorySnapshot {
        builds = List.copyOf(builds);
    }
}
