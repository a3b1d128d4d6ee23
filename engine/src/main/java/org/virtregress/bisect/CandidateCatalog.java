package org.virtregress.bisect;

import java.util.List;

/** Looks up what a bisection needs beyond the candidate graph: details for the report and real parents. */
public interface CandidateCatalog {
    /**
     * Returns the details of a candidate for the report.
     *
     * @param id the candidate
     * @return its details; only the id when nothing more is known
     */
    CandidateDetails describe(String id);

    /**
     * Returns the direct parents of a candidate as they are, outside the range too (the confirmation
     * tests them: the parent of the culprit must pass).
     *
     * @param id the candidate
     * @return its parents; empty for the oldest build or a root commit
     */
    List<Candidate> parentsOf(String id);
}
