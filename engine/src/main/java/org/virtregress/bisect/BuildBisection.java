package org.virtregress.bisect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first bisection level: an ordered list of package builds (or of partial package states) is a
 * linear chain, bisected with the same session and driver as git commits. The first element is the
 * last build known good, the last element the build known bad.
 */
public final class BuildBisection {
    private BuildBisection() {
    }

    /**
     * Returns the range over builds known by their ids.
     *
     * @param buildIds the builds, oldest first: the known good one first, the known bad one last
     * @return the range; its candidates are every build after the good one
     * @throws IllegalArgumentException if fewer than two builds are given or an id repeats
     */
    public static BisectRange of(List<String> buildIds) {
        return ofCandidates(buildIds.stream().map(Candidate::of).toList());
    }

    /**
     * Returns the range over builds with labels (name and version) and optional content ids for the cache.
     *
     * @param builds the builds, oldest first: the known good one first, the known bad one last
     * @return the range; its candidates are every build after the good one
     * @throws IllegalArgumentException if fewer than two builds are given or an id repeats
     */
    public static BisectRange ofCandidates(List<Candidate> builds) {
        if (builds.size() < 2) {
            throw new IllegalArgumentException("a build bisection needs a good and a bad build, got " + builds.size());
        }
        Set<String> seen = new HashSet<>();
        for (Candidate build : builds) {
            if (!seen.add(build.id())) {
                throw new IllegalArgumentException("build " + build.id() + " appears twice in the list");
            }
        }
        Map<String, List<String>> graph = new LinkedHashMap<>();
        List<Candidate> newestFirst = new ArrayList<>();
        for (int i = builds.size() - 1; i >= 1; i--) {
            graph.put(builds.get(i).id(), List.of(builds.get(i - 1).id()));
            newestFirst.add(builds.get(i));
        }
        Chain catalog = new Chain(builds);
        return new BisectRange(List.of(builds.get(0).id()), builds.get(builds.size() - 1).id(), newestFirst, graph,
                catalog);
    }

    /** Looks builds up in their list: details are the label, the parent is the build before. */
    private static final class Chain implements CandidateCatalog {
        private final Map<String, Integer> position = new HashMap<>();
        private final List<Candidate> builds;

        Chain(List<Candidate> builds) {
            this.builds = List.copyOf(builds);
            for (int i = 0; i < builds.size(); i++) {
                position.put(builds.get(i).id(), i);
            }
        }

        @Override
        public CandidateDetails describe(String id) {
            Integer i = position.get(id);
            return CandidateDetails.of(id, i == null ? "" : builds.get(i).label());
        }

        @Override
        public List<Candidate> parentsOf(String id) {
            Integer i = position.get(id);
            return i == null || i == 0 ? List.of() : List.of(builds.get(i - 1));
        }
    }
}
