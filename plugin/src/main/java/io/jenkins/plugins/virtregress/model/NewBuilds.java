package io.jenkins.plugins.virtregress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.PollResult;

/** Maps what the engine's poller found to the new builds a Jenkins build is started for. */
public final class NewBuilds {
    private NewBuilds() {
    }

    /**
     * Picks the new builds out of a poll result: new packages, new versions and same-version
     * rebuilds; downgrades and removals are not builds to test.
     *
     * @param result the poll result
     * @param namesBySpec the name users gave each repository, by the repository's spec; a
     *     repository missing from the map is named by its spec
     * @return the new builds, in the order the poll found them
     */
    public static List<NewBuild> from(PollResult result, Map<String, String> namesBySpec) {
        List<NewBuild> builds = new ArrayList<>();
        for (BuildChange change : result.changes()) {
            if (change.kind().isNewBuild()) {
                builds.add(from(change, namesBySpec.getOrDefault(change.build().repository(), change.build().repository())));
            }
        }
        return builds;
    }

    /**
     * Maps one change.
     *
     * @param change the change, a new build
     * @param repositoryName the name to show for its repository
     * @return the new build
     */
    public static NewBuild from(BuildChange change, String repositoryName) {
        Build build = change.build();
        Build previous = change.previous();
        return new NewBuild(build.name(), build.evr(), previous == null ? null : previous.evr(), build.arch(),
                repositoryName, build.checksum() == null ? null : build.checksum().toString(), build.sourceCommit());
    }

    /**
     * Merges the builds of a later poll into those of an earlier one, for a build that was still
     * waiting in the queue: a package (name and arch) found again keeps only its later build.
     *
     * @param earlier the builds already waiting
     * @param later the builds of the later poll
     * @return the merged builds: the earlier ones not found again, then the later ones
     */
    public static List<NewBuild> merge(List<NewBuild> earlier, List<NewBuild> later) {
        List<NewBuild> merged = new ArrayList<>();
        for (NewBuild build : earlier) {
            boolean replaced = later.stream().anyMatch(b -> b.getName().equals(build.getName())
                    && Objects.equals(b.getArch(), build.getArch()));
            if (!replaced) {
                merged.add(build);
            }
        }
        merged.addAll(later);
        return merged;
    }
}
