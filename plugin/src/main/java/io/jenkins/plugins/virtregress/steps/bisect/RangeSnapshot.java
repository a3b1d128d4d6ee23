package io.jenkins.plugins.virtregress.steps.bisect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CandidateCatalog;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.CommitGraph;

/**
 * A bisection range read from a git repository on an agent, as plain data: the candidates with
 * their details and the commit graph. The controller keeps it as JSON in the build directory, so
 * a bisection whose probes run on other agents resumes after a restart without the repository.
 *
 * @param goods the good ends, resolved to hashes
 * @param bad the bad end, resolved
 * @param candidates every candidate, with its details
 * @param parents the parents of every candidate, by hash
 */
public record RangeSnapshot(List<String> goods, String bad, List<Entry> candidates, Map<String, List<String>> parents) {
    /** Above this many candidates, the files changed by each are not read up front. */
    static final int FILES_LIMIT = 500;

    /**
     * One candidate.
     *
     * @param id the commit hash
     * @param treeId the tree hash (the result cache key)
     * @param author the author, {@code Name <email>}
     * @param date the author date
     * @param subject the subject line
     * @param files the files changed, empty when not read
     */
    public record Entry(String id, String treeId, String author, Instant date, String subject, List<String> files) {
    }

    /**
     * Takes a snapshot of a range.
     *
     * @param range the range
     * @param graph the graph it came from, for the candidates' details
     * @return the snapshot
     */
    static RangeSnapshot of(BisectRange range, CommitGraph graph) {
        boolean files = range.size() <= FILES_LIMIT;
        List<Entry> entries = new ArrayList<>();
        for (Candidate candidate : range.candidates()) {
            CandidateDetails details = graph.describe(candidate.id());
            entries.add(new Entry(candidate.id(), candidate.treeId(), details.author(), details.date(),
                    details.subject(), files ? details.filesChanged() : List.of()));
        }
        return new RangeSnapshot(range.goods(), range.bad(), entries, range.parents());
    }

    /**
     * Rebuilds the range.
     *
     * @return a range whose catalog answers from this snapshot
     */
    BisectRange toRange() {
        List<Candidate> list = candidates.stream().map(e -> new Candidate(e.id(), e.treeId(), e.subject())).toList();
        return new BisectRange(goods, bad, list, parents, new Catalog());
    }

    /**
     * Returns the subject line of every candidate, for the report's probe table.
     *
     * @return subjects by hash
     */
    Map<String, String> subjects() {
        Map<String, String> subjects = new LinkedHashMap<>();
        candidates.forEach(e -> subjects.put(e.id(), e.subject()));
        return subjects;
    }

    private final class Catalog implements CandidateCatalog {
        @Override
        public CandidateDetails describe(String id) {
            return candidates.stream().filter(e -> e.id().equals(id)).findFirst()
                    .map(e -> new CandidateDetails(e.id(), e.author(), e.date(), e.subject(), e.files()))
                    .orElseGet(() -> CandidateDetails.of(id, ""));
        }

        @Override
        public List<Candidate> parentsOf(String id) {
            List<Candidate> result = new ArrayList<>();
            for (String parent : parents.getOrDefault(id, List.of())) {
                result.add(candidates.stream().filter(e -> e.id().equals(parent)).findFirst()
                        .map(e -> new Candidate(e.id(), e.treeId(), e.subject())).orElseGet(() -> Candidate.of(parent)));
            }
            return result;
        }
    }
}
