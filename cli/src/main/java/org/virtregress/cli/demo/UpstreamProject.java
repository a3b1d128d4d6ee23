package org.virtregress.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo's upstream project: a local git repository with a linear history, one commit of which
 * plants a regression.
 *
 * @param directory the work tree (its git directory is {@code .git} inside)
 * @param commits every commit, oldest first
 * @param regression the commit that makes a guest check fail
 */
public record UpstreamProject(Path directory, List<UpstreamCommit> commits, UpstreamCommit regression) {
    /** Copies the list. */
    public UpstreamProject {
        commits = List.copyOf(commits);
    }

    /**
     * Returns the commit at a position of the history.
     *
     * @param number the position, from 1
     * @return the commit
     * @throws NoSuchElementException if there is no such commit
     */
    public UpstreamCommit commit(int number) {
        if (number < 1 || number > commits.size()) {
            throw new NoSuchElementException("the upstream history has " + commits.size() + " commits, not " + number);
        }
        return commits.get(number - 1);
    }

    /**
     * Returns the commit with a hash.
     *
     * @param hash the full hash
     * @return the commit
     * @throws NoSuchElementException if no commit has this hash
     */
    public UpstreamCommit byHash(String hash) {
        return commits.stream().filter(c -> c.hash().equals(hash)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no upstream commit " + hash));
    }
}
