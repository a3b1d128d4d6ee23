package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The bisection over upstream commits between a good and a bad build's source commits.
 *
 * @param repository the upstream repository (URL or name)
 * @param good the known good commits
 * @param bad the known bad commit
 * @param outcome how the bisection ended
 * @param message why it ended that way, for outcomes other than complete; or null
 * @param candidateCount how many commits the range held before the first probe
 * @param probes every probe, in order
 * @param culprit the first bad commit, or null when not narrowed to one
 * @param candidates the commits still in the range when not narrowed to one (oldest first); else empty
 * @param confirmation the confirmation runs, or null when none ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitBisection(String repository, List<String> good, String bad, Outcome outcome, String message,
                              int candidateCount, List<Probe> probes, Commit culprit, List<Commit> candidates,
                              Confirmation confirmation) {
    /** Requires an outcome and normalizes absent lists to empty ones. */
    public CommitBisection {
        Objects.requireNonNull(outcome, "outcome");
        good = Lists.copy(good);
        probes = Lists.copy(probes);
        candidates = Lists.copy(candidates);
    }

    /** How a bisection ended. */
    public enum Outcome {
        /** One culprit found and confirmed. */
        COMPLETE,
        /** One culprit found, but the confirmation runs disagreed. */
        UNCONFIRMED,
        /** Skipped candidates left several commits that could be the culprit. */
        INCONCLUSIVE,
        /** The bad commit did not fail again, or the good one did not pass again. */
        UNREPRODUCIBLE,
        /** Stopped before the end (interrupted or out of time). */
        ABORTED
    }
}
